package io.leaklens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0             | 0 B",
            "512           | 512 B",
            "1023          | 1023 B",
            "1024          | 1.00 KB",
            "1536          | 1.50 KB",
            "10240         | 10.0 KB",
            "102400        | 100 KB",
            "1048575       | 1.00 MB",
            "1048576       | 1.00 MB",
            "1610612736    | 1.50 GB",
            "1099511627776 | 1.00 TB",
            "5497558138880000 | 5000 TB",
    })
    void formatsInPowersOf1024(double bytes, String expected) {
        assertThat(ByteSize.format(bytes)).isEqualTo(expected);
    }

    @Test
    void roundingNeverShows1024OfAUnit() {
        assertThat(ByteSize.format(1023.7)).isEqualTo("1.00 KB");
        assertThat(ByteSize.format(1024 * 1024 - 100)).isEqualTo("1.00 MB");
        assertThat(ByteSize.format(1023.4)).isEqualTo("1023 B");
    }

    @Test
    void unknownOrNegativeSizesShowADash() {
        assertThat(ByteSize.format(Double.NaN)).isEqualTo("–");
        assertThat(ByteSize.format(-1)).isEqualTo("–");
    }

    @Test
    void ratesCarryTheirSign() {
        assertThat(ByteSize.signedRate(1536)).isEqualTo("+1.50 KB/s");
        assertThat(ByteSize.signedRate(-1536)).isEqualTo("−1.50 KB/s");
        assertThat(ByteSize.signedRate(0)).isEqualTo("0 B/s");
        assertThat(ByteSize.rate(1536)).isEqualTo("1.50 KB/s");
        assertThat(ByteSize.rate(Double.NaN)).isEqualTo("–");
        assertThat(ByteSize.signedRate(Double.NaN)).isEqualTo("–");
    }
}
