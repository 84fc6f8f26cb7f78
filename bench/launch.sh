#!/usr/bin/env bash
# Launch to first window: starts ./leaklens (the desktop app) on a display of its own, measures how long until a
# visible window named LeakLens is mapped, then quits it with Ctrl+Q as a user does (a normal exit, so the launcher's
# class-data archive is written after the first run). The first run starts without an archive and is shown apart;
# the median is of the runs after it. Each run has a home of its own (no settings carried over); the cache is shared.
# Build first: mvn -B -q -DskipTests package. Needs Xvfb and xdotool:
#   apt-get install -y --no-install-recommends xvfb xdotool libgtk-3-0
#   bench/launch.sh [RUNS]      (default 7, besides the first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
work=$(mktemp -d)
trap 'kill "${app_pid:-}" "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb -displayfd 1 -screen 0 1440x900x24 -nolisten tcp >"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 1 50); do [[ -s $work/display ]] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$work/display")"
export XDG_CACHE_HOME=$work/cache
times=()
for run in $(seq 0 "$runs"); do
  mkdir -p "$work/home$run"
  started=$(date +%s%N)
  HOME=$work/home$run ./leaklens >"$work/app.log" 2>&1 &
  app_pid=$!
  window=""
  for _ in $(seq 1 600); do
    window=$(xdotool search --onlyvisible --name '^LeakLens$' 2>/dev/null | head -1) && [[ -n $window ]] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; echo "the app exited before showing a window" >&2; exit 1; }
    sleep 0.02
  done
  [[ -n $window ]] || { echo "no window within 12 s" >&2; exit 1; }
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  if (( run == 0 )); then
    echo "first launch (no class-data archive yet): window after $ms ms"
  else
    times+=("$ms")
    echo "run $run: window after $ms ms"
  fi
  sleep 2 # let it settle, as a user would before quitting
  xdotool windowfocus --sync "$window" key ctrl+q
  for _ in $(seq 1 150); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill "$app_pid" 2>/dev/null && echo "  (did not quit on Ctrl+Q: killed)" || true
  wait "$app_pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs: $median ms"
