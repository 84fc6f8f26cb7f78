# Sourced by the bench scripts: builds the test classes once and sets BENCH_JAVA and BENCH_CP.
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
source bench/jdk.sh
BENCH_JAVA="$BENCH_JDK/bin/java"
# What ./leaklens gives LeakLens: the JDK's attach client, for watching without a JMX agent (io.leaklens.attach.Jcmd).
BENCH_EXPORTS=(--add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED)
