#!/usr/bin/env bash
# Runs the README's test command N times, each in a fresh clone of the current commit (as CI does), one after the
# other, and reports each run's result, time and failing tests; then "N passed, M failed" runs. A flaky test shows
# here before it fails someone's CI.
#   scripts/repeat-tests.sh [N] [COMMIT]     (default 10 runs of HEAD: ~5 min each on 2 cores)
# Logs and the failing runs' Surefire reports are kept in target/repeat-tests/run-K/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
commit=$(git rev-parse "${2:-HEAD}")
test_command=(mvn -B -q clean verify) # README.md: "runs the tests"
out=$PWD/target/repeat-tests
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d /tmp/leaklens-repeat.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "repeat-tests: $runs runs of '${test_command[*]}' on ${commit:0:12}, each in a fresh clone" | tee "$out/summary.txt"
passed=0 failed=0
for run in $(seq 1 "$runs"); do
  clone=$work/run-$run
  git clone -q --no-hardlinks "$PWD" "$clone"
  git -C "$clone" checkout -q "$commit"
  mkdir -p "$out/run-$run"
  started=$SECONDS
  if (cd "$clone" && "${test_command[@]}") > "$out/run-$run/log.txt" 2>&1; then status=passed; else status=FAILED; fi
  took=$((SECONDS - started))
  counts=$(python3 - "$clone/target/surefire-reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
t = f = e = s = 0
bad = []
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    r = ET.parse(path).getroot()
    t += int(r.get("tests", 0)); f += int(r.get("failures", 0)); e += int(r.get("errors", 0))
    s += int(r.get("skipped", 0))
    for case in r.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            bad.append(case.get("classname").rsplit(".", 1)[-1] + "." + case.get("name"))
print(f"{t} tests, {f + e} failed, {s} skipped" + (": " + ", ".join(bad) if bad else ""))
PY
)
  if [[ $status == passed ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    cp -r "$clone/target/surefire-reports" "$out/run-$run/" 2>/dev/null || true
  fi
  printf 'run %2d: %-6s %d min %02d s  %s\n' "$run" "$status" $((took / 60)) $((took % 60)) "$counts" \
    | tee -a "$out/summary.txt"
  rm -rf "$clone"
done
echo "$passed passed, $failed failed" | tee -a "$out/summary.txt"
(( failed == 0 ))
