#!/usr/bin/env bash
# The leak rules against the independent corpus in bench/corpus (written apart from LeakZoo; see its README.md):
# each program runs on the JDK that bench/corpus/truth.json gives it (17 or 25) with its JVM options, is watched
# for its "seconds" (60 s, 180 s for slow leaks), and is ended. Then one line per program: expected and given
# verdict, rank of the first true class among the suspects, whether the top true suspect's path from its GC root
# names the expected holder, and how soon the leak was found; then the totals.
# Reports in target/corpus/NAME.json, LeakLens's stderr in NAME.err, the program's stdout and stderr in NAME.out
# and NAME.log.
#   bench/corpus.sh [NAME...]     (default: all 28 programs, ~32 minutes)
# LEAKLENS=/path/to/leaklens runs another build (e.g. an earlier commit's, for a before/after table); CORPUS_OUT sets
# the folder of the reports (default target/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

truth=bench/corpus/truth.json
out=${CORPUS_OUT:-target/corpus}
leaklens=${LEAKLENS:-./leaklens}

wait_for_maven() { # another session's Maven build may be running: never run two at once
  while pgrep -f org.codehaus.plexus.classworlds >/dev/null; do sleep 10; done
}

# The corpus: built by its own pom whenever a source or the pom is newer than the last build.
stamp=bench/corpus/target/.built
if [[ ! -f $stamp || ! -d bench/corpus/target/lib ]] \
    || [[ -n $(find bench/corpus/src bench/corpus/pom.xml -newer "$stamp" -print -quit) ]]; then
  wait_for_maven
  echo "building the corpus" >&2
  mvn -B -q -f bench/corpus/pom.xml package >&2
  touch "$stamp"
fi
# LeakLens itself, only if it was never built.
if [[ -z ${LEAKLENS:-} && ! -f target/leaklens.jar ]]; then
  wait_for_maven
  echo "building LeakLens" >&2
  mvn -B -q -DskipTests package >/dev/null
fi

jdk_home() { # the first JDK under /usr/lib/jvm whose release file says major version $1
  local home major
  for home in /usr/lib/jvm/*; do
    [[ -x $home/bin/java ]] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)
    if [[ $major == "$1" ]]; then echo "$home"; return 0; fi
  done
  return 1
}

# One line per program to run: name, main class, JDK, seconds, JVM options (tab-separated).
programs=$(python3 - "$truth" "$@" <<'EOF'
import json, sys
entries = json.load(open(sys.argv[1]))
by_name = {e["name"]: e for e in entries}
wanted = sys.argv[2:] or [e["name"] for e in entries]
unknown = [n for n in wanted if n not in by_name]
if unknown:
    sys.exit("unknown program(s): " + " ".join(unknown) + "\nknown: " + " ".join(by_name))
for n in wanted:
    e = by_name[n]
    print("\t".join([n, e["mainClass"], str(e["java"]), str(e["seconds"]), " ".join(e["jvmArgs"])]))
EOF
)

mkdir -p "$out"
cp="bench/corpus/target/classes:bench/corpus/target/lib/*"
# One open, never written stdin for every program: each ends by itself when its stdin closes, so if this script
# dies its programs follow.
exec {stdin}< <(sleep 100000)
holder=$!
pid=""
trap 'if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi; kill "$holder" 2>/dev/null || true' EXIT

names=()
while IFS=$'\t' read -r -u 3 name main java seconds jvm_args; do
  names+=("$name")
  rm -f "$out/$name.json" "$out/$name.err"
  home=$(jdk_home "$java") || { echo "$name: no JDK $java under /usr/lib/jvm" >&2; continue; }
  read -r -a args <<<"$jvm_args"
  "$home/bin/java" "${args[@]}" -cp "$cp" "$main" <&"$stdin" > "$out/$name.out" 2> "$out/$name.log" &
  pid=$!
  # the big-heap programs build 2 GB of data before they are ready
  for _ in $(seq 1 1200); do
    grep -q '^ready$' "$out/$name.out" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! grep -q '^ready$' "$out/$name.out"; then
    echo "$name: the program did not start, see $out/$name.log" >&2
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
    continue
  fi
  echo "$name: watching pid $pid (Java $java) for ${seconds}s" >&2
  "$leaklens" watch "$pid" --duration "${seconds}s" --json < /dev/null > "$out/$name.json" 2> "$out/$name.err" \
    || echo "$name: watch failed (exit $?), see $out/$name.err" >&2
  kill -0 "$pid" 2>/dev/null || echo "$name: the program ended during the watch, see $out/$name.log" >&2
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
done 3<<<"$programs"

python3 - "$truth" "$out" "${names[@]}" <<'EOF'
import json, sys

truth = {e["name"]: e for e in json.load(open(sys.argv[1]))}
out = sys.argv[2]
FIRST_HOPS = 4  # the holder must be named by the GC root or by one of the first hops of the path


def names_holder(suspect, entry):
    holder = entry["holder"]
    root = suspect.get("gcRoot") or {}
    hops = suspect.get("pathFromRoot") or []
    if not holder:
        return bool(hops or root)
    texts = [root.get("description") or ""]
    for hop in hops[:FIRST_HOPS]:
        if hop.get("className") in entry["classes"]:
            continue  # the leaking class itself does not count as its holder
        texts += [hop.get("className") or "", hop.get("field") or ""]
    return any(holder in t for t in texts)


print(f"{'program':<27} {'java':>4} {'expected':<8} {'verdict':<12} {'rank':>4}  {'holder':<6} {'detected':>8}")
leaks = controls = found = alarms = first = holder_right = 0
for name in sys.argv[3:]:
    entry = truth[name]
    expected = "leak" if entry["leaks"] else "no-leak"
    leaks += entry["leaks"]
    controls += not entry["leaks"]
    try:
        with open(f"{out}/{name}.json") as f:
            report = json.load(f)
    except (OSError, ValueError):
        print(f"{name:<27} {entry['java']:>4} {expected:<8} {'(no report)':<12}")
        continue
    verdict = report.get("verdict")
    suspects = report.get("suspects") or []
    rank, path = "-", "-"
    if entry["leaks"]:
        for i, suspect in enumerate(suspects):
            if suspect.get("className") in entry["classes"]:
                rank = i + 1
                path = "yes" if names_holder(suspect, entry) else "no"
                break
        found += verdict == "leak"
        first += rank == 1
        holder_right += path == "yes"
    else:
        alarms += verdict == "leak"
    detected = report.get("detectedAfterSeconds")
    detected = "-" if detected is None else f"{detected:.0f}s"
    print(f"{name:<27} {entry['java']:>4} {expected:<8} {str(verdict):<12} {rank:>4}  {path:<6} {detected:>8}")

print(f"verdict leak on leaks: {found}/{leaks}, false alarms on controls: {alarms}/{controls}, "
      f"true class first: {first}/{leaks}, holder right: {holder_right}/{leaks}")
EOF
