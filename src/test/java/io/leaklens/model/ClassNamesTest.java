package io.leaklens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which classes are the application's and which the JDK's: what a person fixes, and what it drags along. */
class ClassNamesTest {

    @ParameterizedTest(name = "{0}: JDK {1}")
    @CsvSource(delimiter = '|', value = {
            "byte[]                                  | true",
            "double[][]                              | true",
            "java.util.HashMap$Node                  | true",
            "java.lang.Object[]                      | true",
            "jdk.internal.misc.Unsafe                | true",
            "sun.nio.ch.FileChannelImpl              | true",
            "com.sun.jmx.mbeanserver.Repository      | true",
            "javax.management.ObjectName             | true",
            "java.lang.invoke.LambdaForm$MH/0x01     | true",
            // The unnamed package: single-file programs, scripts, JShell, tests.
            "OrderLog                                | false",
            "OrderLog$Entry                          | false",
            "OrderLog$Entry[]                        | false",
            "PendingCheckout$$Lambda/0x0000012c      | false",
            "Main$1                                  | false",
            "com.acme.billing.internal.ledger.Entry  | false",
            "com.acme.Entry[][]                      | false",
            "javafx.scene.Node                       | false",
            "jdk.proxy2.$Proxy12                     | false",
            "jdkutils.Cache                          | false",
            "javalin.Context                         | false",
    })
    void tellsTheApplicationFromTheJdk(String className, boolean jdk) {
        assertThat(ClassNames.isJdk(className)).isEqualTo(jdk);
    }

    @ParameterizedTest(name = "{0}: library {1}")
    @CsvSource(delimiter = '|', value = {
            "com.google.common.cache.LocalCache$StrongEntry       | true",
            "com.github.benmanes.caffeine.cache.PSMS              | true",
            "org.eclipse.jetty.session.ManagedSession             | true",
            "org.apache.commons.pool2.impl.DefaultPooledObject[]  | true",
            "com.acme.cache.LocalCache$StrongEntry                | false",
            "OrderLog$Entry                                       | false",
            "java.util.HashMap$Node                               | false",
            "com.googlex.Thing                                    | false",
    })
    void tellsALibrarysClassesFromTheProgramsOwn(String className, boolean library) {
        assertThat(ClassNames.isLibrary(className)).isEqualTo(library);
    }

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
    void givesTheReadableForm(String jfr, String expected) {
        assertThat(ClassNames.readable(jfr)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void namesAMissingClassUnknown() {
        assertThat(ClassNames.readable(null)).isEqualTo("<unknown>");
        assertThat(ClassNames.readable("")).isEqualTo("<unknown>");
    }

    @org.junit.jupiter.api.Test
    void filtersByTextIgnoringCaseAndHidesTheJdkWhenAsked() {
        assertThat(ClassNames.filter(" order ", false).test("com.acme.OrderLine")).isTrue();
        assertThat(ClassNames.filter("order", false).test("com.acme.Invoice")).isFalse();
        assertThat(ClassNames.filter(null, false).test("byte[]")).isTrue();
        assertThat(ClassNames.filter("", true).test("byte[]")).isFalse();
        assertThat(ClassNames.filter("", true).test("OrderLog$Entry")).isTrue();
        assertThat(ClassNames.filter("hash", true).test("java.util.HashMap$Node")).isFalse();
    }
}
