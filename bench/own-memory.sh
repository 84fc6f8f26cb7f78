#!/usr/bin/env bash
# LeakLens's own footprint over a long watch: it watches the demo shop (a busy, leaking target) for D minutes
# (default 30) with its GC logged, then prints its heap after each GC as a least-squares slope over the last two
# thirds of the run, and the CPU it used (share of one core).
#   bench/own-memory.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
mvn -B -q -DskipTests package >/dev/null
log=target/own-gc.log
rm -f "$log"
./leaklens demo --seconds $(( minutes * 60 + 120 )) > target/own-demo.out 2>&1 &
demo_launcher=$!
trap 'kill $demo_launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^pid=' target/own-demo.out 2>/dev/null && break; sleep 0.2; done
target=$(sed -n 's/^pid=//p' target/own-demo.out | head -1)
echo "watching the demo (pid $target) for $minutes min; LeakLens's GC log in $log" >&2
LEAKLENS_JAVA_OPTS="-Xlog:gc:file=$log:uptime" ./leaklens watch "$target" --duration "${minutes}m" --json \
  > target/own-watch.json 2> target/own-watch.err &
watcher=$!
sleep 5
self=$(pgrep -f "leaklens.jar watch $target" | head -1 || true)
ticks=$(getconf CLK_TCK)
start=$(date +%s)
cpu_at() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu0=$(cpu_at "$self")
wait_cpu=$cpu0
while kill -0 "$watcher" 2>/dev/null; do
  wait_cpu=$(cpu_at "$self" 2>/dev/null || echo "$wait_cpu")
  sleep 5
done
end=$(date +%s)
python3 - "$log" "$wait_cpu" "$cpu0" "$ticks" "$start" "$end" <<'PY'
import re, sys
log, cpu1, cpu0, ticks, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
points = []
for line in open(log):
    m = re.search(r'\[(\d+\.\d+)s\].*Pause.* (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        points.append((float(m.group(1)), int(m.group(3))))
if len(points) < 3:
    sys.exit("too few collections in " + log)
t_end = points[-1][0]
window = [p for p in points if p[0] >= t_end * 1 / 3]
n = len(window); mx = sum(p[0] for p in window) / n; my = sum(p[1] for p in window) / n
sxx = sum((p[0] - mx) ** 2 for p in window); sxy = sum((p[0] - mx) * (p[1] - my) for p in window)
slope = sxy / sxx if sxx else 0.0
print(f"collections: {len(points)}; heap after GC: first {points[0][1]} MB, last {points[-1][1]} MB, "
      f"max {max(p[1] for p in points)} MB")
print(f"slope of the heap after GC over the last two thirds: {slope * 3600:+.2f} MB/hour ({n} collections)")
print(f"CPU: {(cpu1 - cpu0) / ticks:.1f} s over {end - start:.0f} s = {100 * (cpu1 - cpu0) / ticks / (end - start):.2f} % of one core")
PY
