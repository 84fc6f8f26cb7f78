package io.leaklens.analysis;

import io.leaklens.model.ClassHistogram;
import io.leaklens.model.HistogramEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassHistogramParserTest {

    /** As JDK 17 and 25 print it (rows trimmed from real output). */
    private static final String TEXT = """
            18118:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         15251        1095456  [B (java.base@17.0.15)
               2:          3133         376544  java.lang.Class (java.base@17.0.15)
              47:           100           4216  [Ljava.lang.invoke.LambdaForm$Name; (java.base@17.0.15)
             558:             1             16  Sleep$$Lambda$203/0x00007f5e48140208
             666:             1             16  Sleep$$Lambda/0x000000000c154210
             700:             2             64  [[I (java.base@25.0.3)
            Total         18488        1476312
            """;

    @Test
    void readsEveryRowInReadableNames() {
        ClassHistogram histogram = ClassHistogramParser.parse(TEXT, Duration.ofMillis(40));

        assertThat(histogram.classes()).containsExactly(
                new HistogramEntry("byte[]", 15251, 1095456),
                new HistogramEntry("java.lang.Class", 3133, 376544),
                new HistogramEntry("java.lang.invoke.LambdaForm$Name[]", 100, 4216),
                new HistogramEntry("int[][]", 2, 64),
                new HistogramEntry("Sleep$$Lambda$203/0x00007f5e48140208", 1, 16),
                new HistogramEntry("Sleep$$Lambda/0x000000000c154210", 1, 16));
        assertThat(histogram.totalInstances()).isEqualTo(18488);
        assertThat(histogram.totalBytes()).isEqualTo(1476312);
        assertThat(histogram.took()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void textWithoutRowsGivesAnEmptyHistogram() {
        assertThat(ClassHistogramParser.parse("GC.class_histogram failed: 1: x\nTotal 0 0", Duration.ZERO).classes())
                .isEmpty();
    }

    @Test
    void histogramsOfOneTargetShareOneStringPerClassAndHoldNoRowObjects() {
        ClassHistogram first = ClassHistogramParser.parse(TEXT, Duration.ZERO);
        ClassHistogram second = ClassHistogramParser.parse(TEXT, Duration.ZERO);

        for (int i = 0; i < first.classes().size(); i++) {
            assertThat(second.classes().get(i).className()).isSameAs(first.classes().get(i).className());
        }
        assertThat(first.classes()).isEqualTo(second.classes());
        assertThatThrownBy(() -> first.classes().add(first.classes().getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(first.classes().getClass().getSimpleName()).isEqualTo("HistogramRows");
    }
}
