#!/usr/bin/env bash
# Regenerates the README screenshots from the real app in a real window under Xvfb:
#   scripts/screenshots.sh            (after `mvn -B -q -DskipTests package`)
# It starts the app, takes the empty picker, clicks "Launch demo app", waits, and takes the live dashboard,
# the allocations, the old objects, the leak suspects, the reference graph and a comparison of two snapshots; then the
# heap-dump views from their TestFX tests.
# Needs: apt-get install -y --no-install-recommends xvfb libgtk-3-0 imagemagick xdotool
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
mkdir -p "$out"
for tool in Xvfb import xdotool; do
  command -v $tool >/dev/null || { echo "missing $tool: apt-get install -y --no-install-recommends xvfb libgtk-3-0 imagemagick xdotool" >&2; exit 1; }
done
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
# A preferences folder of its own: the user's theme, window size and recent files do not change the pictures.
prefs=$(mktemp -d)
trap 'rm -rf "$prefs"; kill $app $xvfb 2>/dev/null; pkill -f "io.leaklens.demo.DemoShop --seconds 0 --parent $app" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display LEAKLENS_JAVA_OPTS="-Dprism.order=sw -Djava.util.prefs.userRoot=$prefs" ./leaklens >/tmp/leaklens-screenshots.log 2>&1 &
app=$!
window=""
for _ in $(seq 1 40); do
  window=$(DISPLAY=$display xdotool search --name '^LeakLens$' 2>/dev/null | head -1) && [[ -n $window ]] && break
  sleep 0.5
done
[[ -n $window ]] || { echo "the app's window did not appear; see /tmp/leaklens-screenshots.log" >&2; exit 1; }
DISPLAY=$display xdotool windowmove "$window" 0 0 windowsize "$window" 1440 900
sleep 3
DISPLAY=$display import -window root "$out/picker.png"
# "Launch demo app" in the empty state, centred in the area right of the picker.
DISPLAY=$display xdotool mousemove 915 548 click 1
sleep 45
# Hover the heap chart so that the read-out shows.
DISPLAY=$display xdotool mousemove 1100 508
sleep 1.5
DISPLAY=$display import -window root "$out/dashboard.png"
# The session's inner tabs: Allocations, then Old objects (after asking for a fresh burst).
DISPLAY=$display xdotool mousemove 570 95 click 1
sleep 1.5
DISPLAY=$display xdotool mousemove 500 524 click 1
sleep 1
DISPLAY=$display import -window root "$out/allocations.png"
DISPLAY=$display xdotool mousemove 677 95 click 1
sleep 1
DISPLAY=$display xdotool mousemove 420 146 click 1
sleep 4
DISPLAY=$display xdotool mousemove 500 235 click 1
sleep 1
DISPLAY=$display import -window root "$out/old-objects.png"
# The leak suspects: by now (about a minute in) the rules have their four histograms.
DISPLAY=$display xdotool mousemove 455 95 click 1
sleep 2
DISPLAY=$display import -window root "$out/leaks.png"
# The reference graph: find the leaking class, then its path to the GC root.
DISPLAY=$display xdotool mousemove 803 95 click 1
sleep 2
DISPLAY=$display xdotool mousemove 643 166 click 1
DISPLAY=$display xdotool type 'OrderLog$Entry'
DISPLAY=$display xdotool key Return
sleep 1
DISPLAY=$display xdotool mousemove 848 166 click 1
sleep 1.5
DISPLAY=$display import -window root "$out/graph.png"
# The same graph in the dark theme (View → Dark theme), then back.
DISPLAY=$display xdotool key ctrl+shift+t
sleep 1.5
DISPLAY=$display import -window root "$out/graph-dark.png"
DISPLAY=$display xdotool key ctrl+shift+t
sleep 1
# Snapshots: take one, wait, take another, compare with the previous, select the first suspect.
DISPLAY=$display xdotool mousemove 926 95 click 1
sleep 1
DISPLAY=$display xdotool key ctrl+shift+s
sleep 30
DISPLAY=$display xdotool key ctrl+shift+s
sleep 8
DISPLAY=$display xdotool key ctrl+d
sleep 3
DISPLAY=$display xdotool mousemove 975 561 click 1
sleep 1
DISPLAY=$display import -window root "$out/comparison.png"
kill $app 2>/dev/null || true
# The heap-dump views and Find in heap dump: the TestFX tests that drive them on real dumps of a fixture write what
# they show; these are copied (a window the same as the app's, rendered headless).
mvn -B -q -o test -Dtest='HeapDumpViewFxTest,FindInHeapDumpFxTest' -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cp target/screenshots/heap-dump-tree.png "$out/heap-dump-tree.png"
cp target/screenshots/heap-dump-compare.png "$out/heap-dump-compare.png"
cp target/screenshots/leaks-found-in-heap-dump.png "$out/find-in-heap-dump.png"
echo "wrote $out/picker.png, dashboard.png, allocations.png, old-objects.png, leaks.png, graph.png, graph-dark.png,"\
  "comparison.png, heap-dump-tree.png, heap-dump-compare.png and find-in-heap-dump.png"
