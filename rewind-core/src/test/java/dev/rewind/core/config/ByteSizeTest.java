package dev.rewind.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @Test
    void parsesBinaryUnitsWithOrWithoutB() {
        assertThat(ByteSize.parse("5GB").bytes()).isEqualTo(5L << 30);
        assertThat(ByteSize.parse("5g").bytes()).isEqualTo(5L << 30);
        assertThat(ByteSize.parse("512MiB").bytes()).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("1.5T").bytes()).isEqualTo(3L << 39);
        assertThat(ByteSize.parse("4096").bytes()).isEqualTo(4096);
        assertThat(ByteSize.parse("10 KB").bytes()).isEqualTo(10 << 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "5 GBs", "-1GB", "GB", ""})
    void rejectsWhatIsNotASize(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5GB");
    }

    @Test
    void printsTheLargestWholeUnit() {
        assertThat(ByteSize.gigabytes(5)).hasToString("5GB");
        assertThat(ByteSize.parse("1536MB")).hasToString("1536MB");
        assertThat(new ByteSize(1000)).hasToString("1000B");
    }
}
