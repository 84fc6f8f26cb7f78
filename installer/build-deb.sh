#!/usr/bin/env bash
# Builds the LeakLens .deb: target/installer/leaklens_<version>_amd64.deb.
#   mvn -B -q -DskipTests package -Pinstaller     (the installer profile runs this script after packaging)
#   installer/build-deb.sh                        (by hand, after mvn -B -q -DskipTests package)
# The package holds the app image of installer/build-app-image.sh (its own Java runtime) under /opt/leaklens,
# a desktop entry with the icon, and /usr/bin/leaklens for the CLI (made by installer/deb/postinst).
# installer/check-install.sh installs it, uses it as a user would and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/common.sh
jdk=$(find_jdk)
version=$(app_version)
out=target/installer
started=$SECONDS

installer/build-app-image.sh

# jpackage takes custom package files from a resource folder: our postinst and prerm (its own plus the CLI link)
# and the desktop entry (its own plus keywords and the window class). The menu icon must be there too: built from
# an app image, the deb ignores --icon and would show jpackage's default (Duke).
rm -rf "$out/deb-resources" && cp -r installer/deb "$out/deb-resources"
cp installer/leaklens.png "$out/deb-resources/LeakLens.png"
rm -f "$out"/leaklens_*.deb
# Debian requires a maintainer address; LEAKLENS_MAINTAINER overrides the project's. The license (Apache-2.0) goes
# into the package's copyright file, which otherwise says "License: Unknown".
"$jdk/bin/jpackage" --type deb --app-image "$out/LeakLens" --dest "$out" \
  --name LeakLens --app-version "$version" \
  --description "Memory-leak profiler for the JVM: live heap, allocations, leak suspects and their paths to the GC roots" \
  --vendor "LeakLens project" --copyright "Copyright (c) 2026 the LeakLens authors" \
  --linux-package-name leaklens \
  --linux-deb-maintainer "${LEAKLENS_MAINTAINER:-maintainers@leaklens.dev}" \
  --license-file LICENSE \
  --linux-app-category devel \
  --linux-menu-group "Development;Debugger;Java;" \
  --linux-shortcut \
  --linux-package-deps libgtk-3-0 \
  --resource-dir "$out/deb-resources"

deb=$(ls "$out"/leaklens_"$version"*.deb)
echo "built $deb ($(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KB) in $((SECONDS - started)) s"
