#!/usr/bin/env bash
# Installs the LeakLens .deb on this machine and uses it as a user would, then removes it:
#   installer/check-install.sh [PATH.deb]
# Without an argument it takes target/installer/leaklens_*.deb, building it first if there is none
# (mvn -B -q -DskipTests package -Pinstaller). Needs root (apt-get) on Debian or Ubuntu; installs Xvfb, xdotool,
# ImageMagick and desktop-file-utils if they are missing. Prints each check; exits non-zero at the first that fails.
# KEEP_INSTALLED=1 leaves the package installed when a check fails, to look at it.
set -euo pipefail
cd "$(dirname "$0")/.."

pkg=leaklens
install_dir=/opt/leaklens
cli_link=/usr/bin/leaklens
desktop_file=/usr/share/applications/leaklens-LeakLens.desktop
screenshot=target/installer/installed-app.png

ok() { echo "ok   $*"; }
# Installed or half so; not once removed (dpkg keeps a removed package's scripts, as config-files, until purged).
present() { dpkg-query -W -f '${db:Status-Status}' "$pkg" 2>/dev/null | grep -Eqvx 'not-installed|config-files'; }
fail() { echo "FAIL $*" >&2; exit 1; }

(( EUID == 0 )) || fail "run as root: the check installs and removes a package"
command -v apt-get >/dev/null || fail "apt-get not found: the check needs Debian or Ubuntu"

deb=${1:-}
if [[ -z $deb ]]; then
  shopt -s nullglob
  debs=(target/installer/leaklens_*.deb)
  if (( ${#debs[@]} == 0 )); then
    echo "no .deb in target/installer: building it (mvn -B -q -DskipTests package -Pinstaller)"
    mvn -B -q -DskipTests package -Pinstaller
    debs=(target/installer/leaklens_*.deb)
  fi
  (( ${#debs[@]} == 1 )) || fail "expected one target/installer/leaklens_*.deb, found ${#debs[@]}"
  deb=${debs[0]}
fi
[[ -f $deb ]] || fail "no such package: $deb"
deb=$(readlink -f "$deb")
version=$(dpkg-deb -f "$deb" Version)
mkdir -p target/installer
work=$(mktemp -d)

# What the check starts is stopped whatever happens; a failed check also removes the package, unless asked not to.
demo_pid="" app_pid="" xvfb_pid=""
cleanup() {
  local status=$?
  for pid in "$app_pid" "$demo_pid" "$xvfb_pid"; do
    [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  done
  if (( status != 0 )) && [[ ${KEEP_INSTALLED:-} != 1 ]] && present; then
    echo "removing $pkg after the failure (KEEP_INSTALLED=1 keeps it)" >&2
    apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || echo "apt-get remove $pkg failed too: see dpkg -s $pkg" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== the package: $deb ($(du -h "$deb" | cut -f1))"
[[ $version != *SNAPSHOT* ]] || fail "package version $version contains SNAPSHOT"
ok "version $version, no SNAPSHOT"
[[ $(dpkg-deb -f "$deb" Package) == "$pkg" ]] || fail "package name is not $pkg"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -qx ' *libgtk-3-0 *' || fail "Depends lacks libgtk-3-0"
ok "package $pkg depends on libgtk-3-0"
[[ -n $(dpkg-deb -f "$deb" Maintainer) && -n $(dpkg-deb -f "$deb" Description) ]] || fail "no maintainer or description"
ok "maintainer: $(dpkg-deb -f "$deb" Maintainer)"
copyright=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | grep -m1 '/copyright$') || fail "no copyright file in the package"
dpkg-deb --fsys-tarfile "$deb" | tar -xO "$copyright" | grep -q "Apache License" \
  || fail "$copyright does not hold the Apache-2.0 license"
ok "license: Apache-2.0 in $copyright"

# The tools of the check itself; GTK is the package's own dependency and comes with it.
needed=()
command -v Xvfb >/dev/null || needed+=(xvfb)
command -v xdotool >/dev/null || needed+=(xdotool)
[[ -x /usr/bin/import ]] || needed+=(imagemagick)
command -v desktop-file-validate >/dev/null || needed+=(desktop-file-utils)
if (( ${#needed[@]} )); then
  echo "installing the check's tools: ${needed[*]}"
  apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

echo "== install"
if present; then
  echo "$pkg is installed already: removing it first"
  apt-get remove -y -qq "$pkg" >/dev/null
fi
started=$SECONDS
apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log" >&2; fail "apt-get install"; }
ok "apt-get install ./$(basename "$deb") ($((SECONDS - started)) s, $(du -sh "$install_dir" | cut -f1) in $install_dir)"
[[ $(dpkg-query -W -f '${Status} ${Version}' "$pkg") == "install ok installed $version" ]] || fail "dpkg does not list $pkg $version as installed"
ok "dpkg lists $pkg $version as installed"

echo "== desktop entry and icon"
[[ -f $desktop_file ]] || fail "no desktop entry $desktop_file"
entry() { sed -n "s/^$1=//p" "$desktop_file" | head -1; }
exec_line=$(entry Exec) icon=$(entry Icon)
[[ $(entry Name) == LeakLens ]] || fail "desktop entry's Name is '$(entry Name)'"
[[ ";$(entry Categories);" == *";Development;"* ]] || fail "desktop entry's Categories lack Development: $(entry Categories)"
[[ -x ${exec_line%% *} ]] || fail "desktop entry's Exec is not an installed program: $exec_line"
ok "$desktop_file: Name=LeakLens, Categories=$(entry Categories), Exec=$exec_line"
desktop-file-validate "$desktop_file" || fail "desktop-file-validate $desktop_file"
ok "desktop-file-validate finds nothing to complain about"
[[ -f $icon ]] || fail "the icon $icon is not installed"
icon_size=$(identify -format '%wx%h' "$icon" 2>/dev/null) || fail "the icon $icon is not an image"
[[ $icon_size == 256x256 ]] || fail "the icon is $icon_size, not 256x256"
cmp -s "$icon" installer/leaklens.png || fail "the icon $icon is not installer/leaklens.png"
ok "icon $icon: LeakLens's own, $icon_size PNG"

echo "== the command line from the PATH"
[[ $(command -v leaklens) == "$cli_link" ]] || fail "leaklens on the PATH is '$(command -v leaklens || true)', not $cli_link"
[[ $(readlink "$cli_link") == "$install_dir/bin/LeakLens" ]] || fail "$cli_link does not link to $install_dir/bin/LeakLens"
ok "$cli_link -> $(readlink "$cli_link")"
cd "$work" # a user's folder, not the checkout: nothing may come from target/
out=$(leaklens --version) || fail "leaklens --version"
[[ $out == "LeakLens $version on Java "* ]] || fail "leaklens --version says '$out'"
ok "leaklens --version: $out"
leaklens list >"$work/list.txt" || fail "leaklens list"
ok "leaklens list (exit 0, $(grep -cE '^ *[0-9]+ ' "$work/list.txt" || true) JVMs of this user)"

echo "== the demo, in a JVM of its own on the bundled runtime, attached to and watched"
leaklens demo --seconds 90 >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 100); do grep -q '^pid=' "$work/demo.log" && break; sleep 0.1; done
target=$(sed -n 's/^pid=//p' "$work/demo.log")
[[ -n $target ]] || { cat "$work/demo.log" >&2; fail "leaklens demo printed no pid"; }
[[ $(readlink "/proc/$target/exe") == "$install_dir/lib/runtime/bin/java" ]] \
  || fail "the demo runs on $(readlink "/proc/$target/exe"), not the bundled runtime"
ok "leaklens demo: JVM $target on $install_dir/lib/runtime/bin/java"
leaklens list >"$work/list.txt" || fail "leaklens list"
grep -Eq "^ *$target +yes +io\.leaklens\.demo\.DemoShop" "$work/list.txt" || { cat "$work/list.txt" >&2; fail "leaklens list does not show the demo"; }
ok "leaklens list shows it: $(grep -E "^ *$target " "$work/list.txt" | tr -s ' ')"
leaklens watch "$target" --duration 5s >"$work/watch.txt" 2>&1 || { cat "$work/watch.txt" >&2; fail "leaklens watch $target"; }
# Heap samples come over JMX, allocations from the JFR stream, old objects from a JFR burst with their paths.
grep -q '^heap used' "$work/watch.txt" || fail "watch printed no heap readings"
grep -q '^top allocations ([1-9]' "$work/watch.txt" || fail "watch printed no allocations (JFR streaming)"
grep -q 'OrderLog' "$work/watch.txt" || fail "watch did not see the demo's leaking class"
ok "leaklens watch $target --duration 5s: $(grep -E '^(heap used|top allocations|old objects)' "$work/watch.txt" | tr -s ' ' | paste -sd ';' -)"
leaklens snapshot "$target" -o "$work/demo.llsnap" >/dev/null 2>&1 || fail "leaklens snapshot $target"
ok "leaklens snapshot $target -o demo.llsnap ($(du -h "$work/demo.llsnap" | cut -f1))"
cd - >/dev/null

# The demo keeps running, so that the picker in the screenshot lists it.
echo "== the app, started from the desktop entry on a display of its own, by a user who never ran it"
Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp >"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 50); do [[ -s $work/display ]] && break; sleep 0.1; done
[[ -s $work/display ]] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(head -1 "$work/display")"
mkdir "$work/home"
started=$(date +%s%N)
HOME=$work/home $exec_line >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 300); do
  window=$(xdotool search --onlyvisible --name '^LeakLens$' 2>/dev/null | head -1) && [[ -n $window ]] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the app exited before showing a window"; }
  sleep 0.1
done
[[ -n $window ]] || { cat "$work/app.log" >&2; fail "no window named LeakLens within 30 s"; }
ms=$(( ($(date +%s%N) - started) / 1000000 ))
[[ $(readlink "/proc/$(xdotool getwindowpid "$window")/exe") == "$install_dir/bin/LeakLens" ]] \
  || fail "the LeakLens window is not the installed app's"
ok "window 'LeakLens' ($(xdotool getwindowgeometry "$window" | sed -n 's/ *Geometry: //p')) after $ms ms, from $install_dir/bin/LeakLens"
sleep 3 # the picker's first refresh of the JVM list
import -window root "$screenshot"
colours=$(identify -format "%k" "$screenshot")
(( colours > 100 )) || fail "the screenshot $screenshot looks blank ($colours colours)"
ok "screenshot $screenshot ($colours colours)"
[[ ! -e $work/home/.openjfx ]] || fail "JavaFX unpacked its native libraries into the user's home"
ok "nothing unpacked into the user's home (JavaFX's libraries come from the bundled runtime)"
# As a newcomer would: find the demo in the picker and connect (the filter has the focus; Tab goes to the list).
# LeakLens then talks JMX to the agent it started in the demo: a loopback connection from the app's process.
# Pauses as a person makes them: keys sent at once reach the list before it shows the filtered rows.
xdotool windowfocus --sync "$window" type --delay 30 DemoShop # no window manager: focus, not activate
for key in Tab Down Return; do sleep 0.7; xdotool key "$key"; done
connected=""
for _ in $(seq 1 150); do
  # IPv4 loopback, also as Java's sockets show it ([::ffff:127.0.0.1]).
  connected=$(ss -Htnp state established 2>/dev/null | grep "pid=$app_pid," | grep -m1 '127\.0\.0\.1') && break
  sleep 0.2
done
[[ -n $connected ]] || { cat "$work/app.log" >&2; fail "the app did not connect to the demo (JVM $target)"; }
ok "the app connected to the demo over loopback JMX"
sleep 20 # a screenful of live data
import -window root "${screenshot%.png}-demo.png"
ok "screenshot ${screenshot%.png}-demo.png (the demo's dashboard after 20 s)"
if grep -Eq 'Exception|WARNING' "$work/app.log"; then
  cat "$work/app.log" >&2
  fail "the app wrote warnings or exceptions"
fi
ok "the app wrote no warnings or exceptions"
for pid in "$app_pid" "$demo_pid"; do
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
app_pid="" demo_pid=""

echo "== remove"
apt-get remove -y -qq "$pkg" >"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log" >&2; fail "apt-get remove"; }
! present || fail "dpkg still lists $pkg as installed"
for path in "$cli_link" "$install_dir" "$desktop_file"; do
  [[ ! -e $path && ! -L $path ]] || fail "$path is still there after apt-get remove"
done
hash -r # bash remembers where it found leaklens before
! command -v leaklens >/dev/null || fail "leaklens is still on the PATH: $(command -v leaklens)"
ok "apt-get remove $pkg: no $cli_link, no $install_dir, no desktop entry, no leaklens on the PATH"
echo "all checks passed"
