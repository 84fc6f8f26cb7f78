#!/usr/bin/env bash
# The long reliability runs, with their figures (docs/reliability.md):
#   1. fuzz: damaged snapshots and JFR recordings through `diff` and `analyze` (PER_KIND=100 makes ~1,300 files),
#      each answered within 2 s by a report or one sentence;
#   2. LeakLens killed (SIGKILL) while saving a snapshot, KILLS times over one file;
#   3. two LeakLens processes on one target, sockets checked, the target killed during a snapshot, an old-object
#      refresh and periodic histograms, a target stopped (SIGSTOP) while watched and while connecting, and KILLS/2
#      targets killed at random moments while LeakLens connects and streams (the same tests as in `mvn verify`,
#      which kills 4).
#   scripts/reliability.sh [PER_KIND=100] [KILLS=50] [SEED=now]
set -euo pipefail
cd "$(dirname "$0")/.."
per_kind=${1:-100}
kills=${2:-50}
seed=${3:-$(date +%s)}
source bench/classpath.sh

echo "== fuzz (seed $seed)"
"$BENCH_JAVA" -cp "$BENCH_CP" io.leaklens.reliability.FuzzMain "$per_kind" "$seed"

echo "== kill while saving, sockets, two watchers, targets killed and stopped"
mvn -B -q -Dleaklens.kills="$kills" -Dleaklens.randomKills=$(( kills / 2 )) -Dleaklens.seed="$seed" \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='KillWhileSavingTest,TwoWatchersTest,TargetKilledMidRequestTest,HangingTargetTest,RandomKillsTest' test 2>&1 \
  | grep -E '^(kill|killed|stopped|random) |Tests run|FAIL' || true
for report in target/surefire-reports/TEST-io.leaklens.reliability.KillWhileSavingTest.xml \
  target/surefire-reports/TEST-io.leaklens.reliability.TwoWatchersTest.xml \
  target/surefire-reports/TEST-io.leaklens.reliability.HangingTargetTest.xml \
  target/surefire-reports/TEST-io.leaklens.reliability.RandomKillsTest.xml \
  target/surefire-reports/TEST-io.leaklens.session.TargetKilledMidRequestTest.xml; do
  sed -n 's/.*<testsuite .*name="\([^"]*\)" time="\([^"]*\)" tests="\([0-9]*\)" errors="\([0-9]*\)" skipped="[0-9]*" failures="\([0-9]*\)".*/\1: \3 tests, \4 errors, \5 failures, \2 s/p' "$report"
done

# A real full disk and a real read-only one (needs root for mount; skipped otherwise): a snapshot saved there is
# refused in one sentence, the previous file stays as it was, and nothing is left behind.
echo "== saving to a full and to a read-only disk"
if [[ $(id -u) -eq 0 ]] && command -v mount >/dev/null; then
  disk=$(mktemp -d)
  mount -t tmpfs -o size=64k tmpfs "$disk"
  "$BENCH_JAVA" -cp target/test-classes io.leaklens.fixtures.StaticListLeak > /dev/null 2>&1 < <(sleep 120) &
  target=$!
  sleep 2
  # The previous snapshot fits; the next one of the same JVM, with its allocation profile, does not.
  ./leaklens snapshot "$target" -o "$disk/small.llsnap" --sample 0 > /dev/null 2>&1 || true
  before=$(md5sum "$disk/small.llsnap" 2>/dev/null | cut -d' ' -f1)
  head -c 40000 /dev/zero > "$disk/filler" 2>/dev/null || true   # fills the disk: the error is the point
  full_err=$(./leaklens snapshot "$target" -o "$disk/small.llsnap" --sample 3s 2>&1 >/dev/null) && full_rc=0 || full_rc=$?
  after=$(md5sum "$disk/small.llsnap" 2>/dev/null | cut -d' ' -f1)
  litter=$(find "$disk" -name '*.tmp' | wc -l)
  echo "full disk: exit $full_rc, '$(echo "$full_err" | tail -1)'; previous file unchanged: $([[ $before == "$after" ]] && echo yes || echo NO); temporary files left: $litter"
  mount -o remount,ro "$disk"
  ro_err=$(./leaklens snapshot "$target" -o "$disk/other.llsnap" --sample 0 2>&1 >/dev/null) && ro_rc=0 || ro_rc=$?
  echo "read-only disk: exit $ro_rc, '$(echo "$ro_err" | tail -1)'"
  kill "$target" 2>/dev/null || true
  umount "$disk" && rmdir "$disk"
else
  echo "skipped: needs root to mount a small tmpfs"
fi
