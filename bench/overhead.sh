#!/usr/bin/env bash
# What watching costs the target: one long-running target watched and left alone in alternating windows; the median
# ratio of each watched window to the windows around it, the CPU per operation of its workers, and where the CPU of
# its monitoring threads and of the watching JVM goes. Keep the machine otherwise idle while it runs.
#   bench/overhead.sh [--jdk 17|25] [--load docs|bytes] [--threads N] [--work N] [--rate OPS] [--heap 512m] [--live-mb N]
#                     [--modes leaklens,jfc:profile,...] [--cycles 6] [--window 30]      (--help lists all)
# Modes: leaklens, leaklens-quiet, jmx, stream:EVENTS, local:EVENTS (alloc, alloc-nostack, alloc@300/s, old,
# old-nostack, gc, none, leaklens joined by +), jfc:profile, jfc:default.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
"$BENCH_JAVA" "${BENCH_EXPORTS[@]}" -cp "$BENCH_CP" io.leaklens.bench.OverheadBench "$@"
