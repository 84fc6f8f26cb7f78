# Sourced by the bench scripts: builds the test classes once and sets BENCH_JAVA and BENCH_CP.
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
BENCH_JAVA=""
for home in "${LEAKLENS_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [[ -n $home && -x $home/bin/java ]] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)
  if [[ -n $major ]] && (( major >= 25 )); then BENCH_JAVA="$home/bin/java"; break; fi
done
[[ -n $BENCH_JAVA ]] || { echo "no Java 25 found" >&2; exit 1; }
