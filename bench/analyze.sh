#!/usr/bin/env bash
# `leaklens analyze FILE --json` against the JDK's `jfr view allocation-by-class FILE`, alternating, wall clock and
# peak RSS of each run, and the CPU that other processes took meanwhile (a run with more than 0.1 s of it was
# disturbed: run again). Then whether both name the same top classes with the same shares.
#   bench/analyze.sh FILE.jfr [runs]      (after `mvn -B -q -DskipTests package`)
# The recording of docs/performance.md: record io.leaklens.fixtures.AllocationLoad for 40 s with
# settings=profile and jdk.ObjectAllocationSample#throttle=100000/s (jcmd PID JFR.start ...; JFR.dump), then
# concatenate 10 copies with cat (JFR chunks concatenate).
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1
runs=${2:-3}
source bench/jdk.sh
jfr="$BENCH_JDK/bin/jfr"
out=target/bench-analyze
mkdir -p "$out"
./leaklens analyze "$file" > /dev/null 2>&1 # makes the launcher's class-data archive, as a user's first run does

busy_ticks() { # CPU time of the whole machine so far, in clock ticks (user+nice+system+irq+softirq+steal)
  awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
measure() { # NAME COMMAND...: one run; prints wall, RSS and the other processes' CPU
  local name=$1 before after
  shift
  before=$(busy_ticks)
  /usr/bin/time -f "%e %M %U %S" -o "$out/time" "$@" > "$out/$name.out" 2> "$out/$name.err"
  after=$(busy_ticks)
  read -r wall rss user sys < "$out/time"
  awk -v n="$name" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" -v t=$((after - before)) \
      -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%-9s %5.2f s  %4d MB  others %.2f s\n", n, w, r / 1024,
      t / hz - u - s < 0 ? 0 : t / hz - u - s }'
}
for ((i = 1; i <= runs; i++)); do
  measure leaklens ./leaklens analyze "$file" --json
  measure jfr "$jfr" view allocation-by-class "$file"
done

echo "top classes (share of bytes): leaklens, then jfr view"
python3 - "$out/leaklens.out" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
for a in report["topAllocations"][:3]:
    print(f"  {a['className']:<50} {100 * a['share']:6.2f}%")
EOF
awk '/^---/ { rows = 3; next } rows-- > 0 { printf "  %-50s %7s\n", $1, $2 }' "$out/jfr.out"
