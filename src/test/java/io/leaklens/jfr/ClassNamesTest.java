package io.leaklens.jfr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClassNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[B                                      | byte[]",
            "[Z                                      | boolean[]",
            "[[I                                     | int[][]",
            "[J                                      | long[]",
            "[Ljava.lang.Object;                     | java.lang.Object[]",
            "[[Ljava.lang.String;                    | java.lang.String[][]",
            "[Lcom.acme.Outer$Inner;                 | com.acme.Outer$Inner[]",
            "com.acme.Outer$Inner                    | com.acme.Outer$Inner",
            "com/acme/Foo                            | com.acme.Foo",
            "java.lang.String                        | java.lang.String",
            "com.acme.Foo$$Lambda.0x000001f0         | com.acme.Foo$$Lambda.0x000001f0",
            "com.acme.Foo$$Lambda$237+0x0000000800c1 | com.acme.Foo$$Lambda$237+0x0000000800c1",
            "[Lcom.acme.Foo$$Lambda.0x01;            | com.acme.Foo$$Lambda.0x01[]",
            "[X                                      | [X",
            "[                                       | [",
    })
    void givesTheContractsForm(String jfr, String expected) {
        assertThat(ClassNames.fromJfr(jfr)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void namesAMissingClassUnknown() {
        assertThat(ClassNames.fromJfr(null)).isEqualTo("<unknown>");
        assertThat(ClassNames.fromJfr("")).isEqualTo("<unknown>");
    }
}
