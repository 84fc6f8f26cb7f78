#!/usr/bin/env bash
# Builds a self-contained LeakLens app image (its own Java runtime, JavaFX on the module path) with jpackage:
#   mvn -B -q -DskipTests package && installer/build-app-image.sh
# Result: target/installer/LeakLens/bin/LeakLens (no arguments: the app; a command: the CLI).
# The runtime keeps bin/java (the demo runs in a JVM of its own). The .deb, desktop entry and install check come with the installer issue.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f target/leaklens.jar ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
jdk=""
for home in "${LEAKLENS_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  [[ -n $home && -x $home/bin/jpackage ]] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)
  if [[ -n $major ]] && (( major >= 25 )); then jdk=$home; break; fi
done
[[ -n $jdk ]] || { echo "no JDK 25 with jpackage found" >&2; exit 1; }
version=$(sed -n 's:.*<version>\([0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
input=target/installer/input
rm -rf target/installer && mkdir -p "$input"
cp target/leaklens.jar target/lib/app/*.jar "$input/"
"$jdk/bin/jpackage" --type app-image --name LeakLens --app-version "$version" --dest target/installer \
  --input "$input" --main-jar leaklens.jar --main-class io.leaklens.LeakLens \
  --module-path target/lib/javafx \
  --add-modules javafx.controls,javafx.swing,java.management,jdk.management,jdk.attach,jdk.jfr,jdk.management.jfr,jdk.management.agent,java.naming,java.rmi,java.sql,java.desktop,jdk.unsupported,java.compiler \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED"
echo "built target/installer/LeakLens (run target/installer/LeakLens/bin/LeakLens list)"
