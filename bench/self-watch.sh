#!/usr/bin/env bash
# LeakLens against itself: LeakLens A watches the demo shop (default settings); LeakLens B watches A with the leak
# rules for MINUTES (default 45: past A's bounded buffers, which fill for the first 10 and 30 minutes). Prints B's
# verdict on A and its reason, A's live set trend as B saw it, A's CPU share of one core, and A's classes that grew
# most between two of its own class histograms (at 2 minutes and at the end).
#   bench/self-watch.sh [minutes]
# Both run from a private copy of the jar: rebuilding target/ under a running CLI would break it.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-45}
mvn -B -q -DskipTests package >/dev/null
copy=$(mktemp -d)
mkdir -p "$copy/target"
cp leaklens "$copy/" && cp -r target/leaklens.jar target/lib "$copy/target/"
out=target/self-watch
mkdir -p "$out"
jcmd=$(dirname "$(readlink -f "$(command -v java)")")/jcmd
for home in "${LEAKLENS_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  [[ -n $home && -x $home/bin/jcmd ]] && jcmd=$home/bin/jcmd && break
done

"$copy/leaklens" demo --seconds $(( minutes * 60 + 300 )) > "$out/demo.out" 2>&1 &
demo_launcher=$!
trap 'kill $demo_launcher ${a:-} 2>/dev/null || true; rm -rf "$copy"' EXIT
for _ in $(seq 1 100); do grep -q '^pid=' "$out/demo.out" 2>/dev/null && break; sleep 0.2; done
demo=$(sed -n 's/^pid=//p' "$out/demo.out" | head -1)
"$copy/leaklens" watch "$demo" --duration "$(( minutes + 3 ))m" --json > "$out/A.json" 2> "$out/A.err" &
a=$!
sleep 10
apid=$(pgrep -f "io.leaklens.LeakLens watch $demo" | head -1)
echo "A (pid $apid) watches the demo (pid $demo); B watches A for $minutes min" >&2
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
t0=$(ticks "$apid"); s0=$(date +%s)
( sleep 110; "$jcmd" "$apid" GC.class_histogram > "$out/A-histogram-early.txt" ) &
"$copy/leaklens" watch "$apid" --duration "${minutes}m" --json > "$out/B.json" 2> "$out/B.err" || true
t1=$(ticks "$apid"); s1=$(date +%s)
"$jcmd" "$apid" GC.class_histogram > "$out/A-histogram-late.txt"
python3 - "$out" "$(( t1 - t0 ))" "$(getconf CLK_TCK)" "$(( s1 - s0 ))" <<'PY'
import json, re, sys
out, ticks, hz, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
b = json.load(open(out + "/B.json"))
print(f"B's verdict on A: {b.get('verdict')} - {b.get('verdictReason')}")
if b.get("detectedAfterSeconds") is not None:
    print(f"  (B first said leak after {b['detectedAfterSeconds']} s)")
for rule in b.get("rules", []):
    print(f"  {rule['rule']}: {rule['status']} - {rule['summary']}")
heap = b.get("heap", {})
slope = heap.get("liveSetSlopeBytesPerSecond")
print(f"A's live set after GC as B saw it: {heap.get('liveSetBytesEnd', 0) / 2**20:.1f} MB at the end, "
      f"slope {slope if slope is None else round(slope)} B/s over {heap.get('liveSetPoints')} GCs")
print(f"A's CPU: {ticks / hz:.1f} s over {seconds} s = {100 * ticks / hz / seconds:.1f} % of one core")
def load(path):
    rows = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m and "FillerElement" not in m.group(3):
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows
early, late = load(out + "/A-histogram-early.txt"), load(out + "/A-histogram-late.txt")
print(f"A's live heap: {sum(v[1] for v in early.values()) / 2**20:.1f} MB at 2 min, "
      f"{sum(v[1] for v in late.values()) / 2**20:.1f} MB at the end")
grown = sorted(((late.get(k, (0, 0))[1] - early.get(k, (0, 0))[1], k) for k in set(early) | set(late)), reverse=True)
print("A's classes that grew most in bytes between the two:")
for delta, name in grown[:8]:
    print(f"  {delta:+12,d} B  {name}")
PY
