package io.leaklens.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownsamplingSeriesTest {

    /** A point that stands for the inputs {@code from..to}; merging must keep them contiguous and counted. */
    record Span(long from, long to, long count) {
        static Span of(long i) {
            return new Span(i, i, 1);
        }

        static Span merge(Span older, Span newer) {
            return new Span(older.from, newer.to, older.count + newer.count);
        }
    }

    private static DownsamplingSeries<Span> series() {
        return new DownsamplingSeries<>(100, 50, 10, Span::merge);
    }

    @Test
    void keepsPointsAsTheyCameUntilTheRecentPartIsFull() {
        DownsamplingSeries<Span> series = series();
        LongStream.range(0, 100).forEach(i -> series.add(Span.of(i)));

        assertThat(series.toList()).containsExactlyElementsOf(LongStream.range(0, 100).mapToObj(Span::of).toList());
        assertThat(series.last()).isEqualTo(Span.of(99));
    }

    @Test
    void mergesTheOldestBucketAfterTheFirstPointWhenTheRecentPartOverflows() {
        DownsamplingSeries<Span> series = series();
        LongStream.range(0, 101).forEach(i -> series.add(Span.of(i)));
        assertThat(series.toList()).as("the first point plus a full recent part").hasSize(101)
                .allSatisfy(s -> assertThat(s.count()).isOne());

        series.add(Span.of(101));

        List<Span> all = series.toList();
        assertThat(all.get(0)).isEqualTo(Span.of(0));
        assertThat(all.get(1)).isEqualTo(new Span(1, 10, 10));
        assertThat(all.subList(2, all.size()))
                .containsExactlyElementsOf(LongStream.range(11, 102).mapToObj(Span::of).toList());
    }

    @Test
    void staysBoundedAfterAHundredThousandPointsAndLosesNothingInTheMerges() {
        DownsamplingSeries<Span> series = series();
        for (long i = 0; i < 100_000; i++) {
            series.add(Span.of(i));
            assertThat(series.size()).isLessThanOrEqualTo(1 + 100 + 50);
        }

        List<Span> all = series.toList();
        assertThat(all).hasSize(series.size());
        assertThat(all.getFirst()).as("the first point is never merged").isEqualTo(Span.of(0));
        assertThat(all.getLast()).isEqualTo(Span.of(99_999));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).from()).as("point %d follows point %d", i, i - 1).isEqualTo(all.get(i - 1).to() + 1);
        }
        assertThat(all.stream().mapToLong(Span::count).sum()).isEqualTo(100_000);
        // the recent part refills from 91 to 100 points between merges
        assertThat(all.subList(all.size() - 91, all.size())).allSatisfy(s -> assertThat(s.count()).isOne());
        assertThat(all.get(1).count()).as("the oldest points are merged the most").isGreaterThan(100);
    }

    @Test
    void emptySeries() {
        DownsamplingSeries<Span> series = series();

        assertThat(series.isEmpty()).isTrue();
        assertThat(series.toList()).isEmpty();
        assertThat(series.last()).isNull();
    }

    @Test
    void toListIsACopy() {
        DownsamplingSeries<Span> series = series();
        series.add(Span.of(1));
        List<Span> copy = series.toList();
        series.add(Span.of(2));

        assertThat(copy).containsExactly(Span.of(1));
    }

    @Test
    void rejectsImpossibleCapacities() {
        assertThatThrownBy(() -> new DownsamplingSeries<Span>(5, 10, 10, Span::merge))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownsamplingSeries<Span>(10, 1, 10, Span::merge))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownsamplingSeries<Span>(10, 10, 0, Span::merge))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
