package io.leaklens.analysis;

import java.util.regex.Pattern;

/**
 * Names of classes the JVM or a library generates at run time carry numbers and addresses that change from run to
 * run ({@code Foo$$Lambda$203/0x00007f5e48140208}, {@code jdk.proxy1.$Proxy12}). Normalised, the same lambda or
 * proxy has the same name in every snapshot, so two snapshots can be compared class by class.
 */
public final class GeneratedNames {

    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("/0x[0-9a-fA-F]+");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d+");
    private static final Pattern PROXY = Pattern.compile("\\$Proxy\\d+");
    private static final Pattern PROXY_PACKAGE = Pattern.compile("^jdk\\.proxy\\d+\\.");
    private static final Pattern ACCESSOR = Pattern.compile(
            "(GeneratedMethodAccessor|GeneratedConstructorAccessor|GeneratedSerializationConstructorAccessor)\\d+");
    private static final Pattern BYTECODE_LIBRARY = Pattern.compile(
            "\\$\\$(EnhancerByCGLIB|FastClassByCGLIB|EnhancerBySpringCGLIB|SpringCGLIB|ByteBuddy|HibernateProxy)"
                    + "\\$\\$[0-9a-zA-Z]+");

    private GeneratedNames() {
    }

    /** Whether a (normalised or raw) name is that of a lambda, hidden class, proxy or generated accessor. */
    public static boolean isGenerated(String className) {
        return className.contains("$$Lambda") || className.contains("$Proxy") || className.contains("/0x")
                || className.contains("GeneratedMethodAccessor") || className.contains("GeneratedConstructorAccessor")
                || BYTECODE_LIBRARY.matcher(className).find() || className.matches(".*\\$\\$(EnhancerByCGLIB|"
                + "FastClassByCGLIB|EnhancerBySpringCGLIB|SpringCGLIB|ByteBuddy|HibernateProxy)$");
    }

    /** The name without its run-specific parts; other names come back as they are. */
    public static String normalize(String className) {
        if (className.indexOf('$') < 0 && className.indexOf('/') < 0 && !className.contains("Accessor")) {
            return className; // the common case, kept cheap: diffs normalise every class of two histograms
        }
        String name = HIDDEN_SUFFIX.matcher(className).replaceAll("");
        name = LAMBDA_NUMBER.matcher(name).replaceAll(java.util.regex.Matcher.quoteReplacement("$$Lambda"));
        name = PROXY_PACKAGE.matcher(name).replaceAll("jdk.proxyN.");
        name = PROXY.matcher(name).replaceAll(java.util.regex.Matcher.quoteReplacement("$ProxyN"));
        name = ACCESSOR.matcher(name).replaceAll("$1N");
        return BYTECODE_LIBRARY.matcher(name).replaceAll(java.util.regex.Matcher.quoteReplacement("$$") + "$1");
    }
}
