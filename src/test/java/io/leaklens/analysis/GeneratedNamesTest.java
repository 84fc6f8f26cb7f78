package io.leaklens.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedNamesTest {

    @ParameterizedTest
    @CsvSource({
            "com.acme.Shop$$Lambda$203/0x00007f5e48140208, com.acme.Shop$$Lambda",
            "com.acme.Shop$$Lambda/0x000000000c154210, com.acme.Shop$$Lambda",
            "com.acme.Shop$$Lambda/0x000000000c154210[], com.acme.Shop$$Lambda[]",
            "jdk.proxy1.$Proxy12, jdk.proxyN.$ProxyN",
            "com.sun.proxy.$Proxy7, com.sun.proxy.$ProxyN",
            "jdk.internal.reflect.GeneratedMethodAccessor42, jdk.internal.reflect.GeneratedMethodAccessorN",
            "com.acme.Service$$EnhancerBySpringCGLIB$$1a2b3c, com.acme.Service$$EnhancerBySpringCGLIB",
            "com.acme.Service$$SpringCGLIB$$0, com.acme.Service$$SpringCGLIB",
            "com.acme.OrderLog$Entry, com.acme.OrderLog$Entry",
            "byte[], byte[]",
            "com.acme.Outer$1, com.acme.Outer$1",
    })
    void runSpecificPartsGo(String name, String normalized) {
        assertThat(GeneratedNames.normalize(name)).isEqualTo(normalized);
    }
}
