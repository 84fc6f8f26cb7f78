#!/usr/bin/env bash
# What watching costs the target: throughput alone vs watched by LeakLens vs the JDK's profile.jfc, alternating.
#   bench/overhead.sh [pairs] [seconds] [work]   (default 5 pairs of 25 s runs, work 400: ~8 minutes)
# Keep the machine otherwise idle while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$BENCH_JAVA" -cp "$BENCH_CP" io.leaklens.bench.OverheadBench "${1:-5}" "${2:-25}" "${3:-400}"
