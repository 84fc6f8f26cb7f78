#!/usr/bin/env bash
# The long reliability runs, with their figures (docs/reliability.md):
#   1. fuzz: damaged snapshots and JFR recordings through `diff` and `analyze` (PER_KIND=100 makes ~1,300 files),
#      each answered within 2 s by a report or one sentence;
#   2. LeakLens killed (SIGKILL) while saving a snapshot, KILLS times over one file;
#   3. two LeakLens processes on one target, sockets checked, and the target killed during a snapshot, an
#      old-object refresh and periodic histograms (the same tests as in `mvn verify`).
#   scripts/reliability.sh [PER_KIND=100] [KILLS=50] [SEED=now]
set -euo pipefail
cd "$(dirname "$0")/.."
per_kind=${1:-100}
kills=${2:-50}
seed=${3:-$(date +%s)}
source bench/classpath.sh

echo "== fuzz (seed $seed)"
"$BENCH_JAVA" -cp "$BENCH_CP" io.leaklens.reliability.FuzzMain "$per_kind" "$seed"

echo "== kill while saving, sockets, two watchers, target killed mid-request"
mvn -B -q -Dleaklens.kills="$kills" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='KillWhileSavingTest,TwoWatchersTest,TargetKilledMidRequestTest' test 2>&1 \
  | grep -E '^(kill|killed) |Tests run|FAIL' || true
for report in target/surefire-reports/TEST-io.leaklens.reliability.KillWhileSavingTest.xml \
  target/surefire-reports/TEST-io.leaklens.reliability.TwoWatchersTest.xml \
  target/surefire-reports/TEST-io.leaklens.session.TargetKilledMidRequestTest.xml; do
  sed -n 's/.*<testsuite .*name="\([^"]*\)" time="\([^"]*\)" tests="\([0-9]*\)" errors="\([0-9]*\)" skipped="[0-9]*" failures="\([0-9]*\)".*/\1: \3 tests, \4 errors, \5 failures, \2 s/p' "$report"
done
