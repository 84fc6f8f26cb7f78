# Sourced by the bench scripts: sets BENCH_JDK to the first JDK 25 or newer ($LEAKLENS_JAVA_HOME, $JAVA_HOME, then
# /usr/lib/jvm), as the launcher finds it.
BENCH_JDK=""
for home in "${LEAKLENS_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [[ -n $home && -x $home/bin/java ]] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)
  if [[ -n $major ]] && (( major >= 25 )); then BENCH_JDK="$home"; break; fi
done
[[ -n $BENCH_JDK ]] || { echo "no Java 25 found" >&2; exit 1; }
