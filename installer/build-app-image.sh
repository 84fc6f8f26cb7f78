#!/usr/bin/env bash
# Builds a self-contained LeakLens app image with jpackage:
#   mvn -B -q -DskipTests package && installer/build-app-image.sh
# Result: target/installer/LeakLens/bin/LeakLens (no arguments: the app; a command: the CLI), with its own Java
# runtime, linked here by jlink from RUNTIME_MODULES (installer/common.sh) and JavaFX's modular jars.
# installer/build-deb.sh packages this image as a .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh
[[ -f target/leaklens.jar && -d target/lib/javafx ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
jdk=$(find_jdk)
version=$(app_version)
out=target/installer
rm -rf "$out" && mkdir -p "$out/input"

# Our own jlink rather than jpackage's: JavaFX's jars carry their native libraries as resources, which JavaFX
# would extract into ~/.openjfx/cache on every user's first start. Linked here, they go to the runtime's lib/
# (where JavaFX looks first, as in a runtime linked from JavaFX's jmods) and are left out of the module image.
# bin/java stays: the demo runs in a JVM of its own, started from this runtime.
"$jdk/bin/jlink" --module-path target/lib/javafx --add-modules "$RUNTIME_MODULES" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --exclude-resources='glob:/javafx.graphics/*.so,glob:/javafx.graphics/javafx-swt.jar' \
  --output "$out/runtime"
unzip -q -j -o target/lib/javafx/javafx-graphics-*-linux.jar '*.so' -d "$out/runtime/lib"
# The CDS archive (JDK classes mapped, not loaded: ~0.1 s off the start to the window) comes in two; the one for
# heaps over 32 GB, without compressed pointers, would only add 14 MB.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

# Every module that our jars use must be in the runtime (a new dependency may need one that RUNTIME_MODULES lacks).
needed=$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path target/lib/javafx target/leaklens.jar target/lib/app/*.jar)
linked=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$out/runtime/release")
missing=$(comm -23 <(tr ',' '\n' <<<"$needed" | sort) <(tr ' ' '\n' <<<"$linked" | sort))
if [[ -n $missing ]]; then
  echo "the runtime lacks modules that the jars use: $(echo $missing); add them to RUNTIME_MODULES in installer/common.sh" >&2
  exit 1
fi

# JavaFX comes from the runtime's modules now; the app's jars go on the class path as in ./leaklens.
cp target/leaklens.jar target/lib/app/*.jar "$out/input/"
"$jdk/bin/jpackage" --type app-image --name LeakLens --app-version "$version" --dest "$out" \
  --runtime-image "$out/runtime" --input "$out/input" \
  --main-jar leaklens.jar --main-class io.leaklens.LeakLens \
  --icon installer/leaklens.png \
  --description "Memory-leak profiler for the JVM" --vendor "LeakLens project" \
  --copyright "Copyright (c) 2026 the LeakLens authors" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
  --java-options "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED"
echo "built $out/LeakLens $version (run $out/LeakLens/bin/LeakLens list)"
