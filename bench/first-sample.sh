#!/usr/bin/env bash
# Time from "connect" to the first heap sample, on fresh JDK 25 and JDK 17 targets.
#   bench/first-sample.sh [rounds]      (default 10 per JDK)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$BENCH_JAVA" "${BENCH_EXPORTS[@]}" -cp "$BENCH_CP" io.leaklens.bench.FirstSampleBench "${1:-10}"
