package io.leaklens.attach;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JvmDisplayNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "com.acme.Main                                                              | com.acme.Main",
            "com.acme.Main --port 8080 --verbose                                        | com.acme.Main",
            "Main                                                                       | Main",
            "/opt/shop/lib/shop-1.2.jar --port 8080                                     | shop-1.2.jar",
            "shop.jar                                                                   | shop.jar",
            "com.acme.shop/com.acme.shop.Main arg                                       | com.acme.shop.Main",
            // the source launcher on JDK 17 and on JDK 22+
            "jdk.compiler/com.sun.tools.javac.launcher.Main /tmp/x/Foo.java             | Foo.java",
            "jdk.compiler/com.sun.tools.javac.launcher.SourceLauncher /tmp/x/Foo.java a | Foo.java",
            "jdk.compiler/com.sun.tools.javac.launcher.Main --source 21 /tmp/x/Foo.java | Foo.java",
            // a source launch seen through /proc when the JVM publishes nothing
            "/tmp/x/Foo.java arg                                                        | Foo.java",
            "  com.acme.Main   spaced                                                   | com.acme.Main",
    })
    void namesWhatAPersonRecognises(String command, String expected) {
        assertThat(JvmDisplayName.of(command, 42)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void withoutACommandTheJvmIsNamedByItsPid(String command) {
        assertThat(JvmDisplayName.of(command, 42)).isEqualTo("JVM 42");
    }
}
