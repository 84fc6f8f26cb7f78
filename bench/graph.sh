#!/usr/bin/env bash
# Reference-graph figures: JMH for building and laying out big graphs (10,000 nodes; 256 chains 200 deep), then
# frames per second while panning and zooming a 10,000-node graph in a real window under Xvfb.
#   bench/graph.sh          (needs: apt-get install -y --no-install-recommends xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh || exit 1
"$BENCH_JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main GraphBench -rf text -rff target/graph-bench.txt
javafx=$(ls target/lib/javafx 2>/dev/null | head -1) || true
[[ -n $javafx ]] || mvn -B -q -DskipTests package >/dev/null
echo
echo "Frame rate, 1280×800 window under Xvfb, software pipeline as on a machine without a GPU:"
xvfb-run -a -s "-screen 0 1440x900x24" "$BENCH_JAVA" -Dprism.order=sw \
  --module-path target/lib/javafx --add-modules javafx.controls,javafx.fxml,javafx.swing \
  -cp "$BENCH_CP" io.leaklens.ui.graph.GraphFrameRate
