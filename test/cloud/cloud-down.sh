#!/usr/bin/env bash
# cloud-down.sh - stop what cloud-up.sh started, and nothing else.
# Only the PIDs recorded in $STATE/pids/*.pid are signalled (plus the uwsgi
# worker children of the recorded keystone master), and only while the
# process's command line mentions the state dir (so a recycled PID is never
# hit). No pkill / killall / process-group kills.
#   --only NAME  stop one service (heat, heat-r2 or keystone); tests use it to
#                take Heat away mid-watch, and cloud-up.sh brings it back
#   --purge      also delete the state dir (databases, keys, logs)
set -uo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
STATE=${HEAT_STUDIO_CLOUD_STATE:-${TMPDIR:-/tmp}/heat-studio-cloud}
PURGE=0; ONLY=""
while [ $# -gt 0 ]; do
    case "$1" in
        --purge) PURGE=1 ;;
        --only) ONLY=${2:?--only needs a name}; shift ;;
        *) echo "usage: cloud-down.sh [--only heat|heat-r2|keystone] [--purge]" >&2; exit 2 ;;
    esac
    shift
done

ours() {  # PID -> alive, not a zombie, cmdline mentions $STATE
    local pid=$1 st
    [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
    st=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo X)
    [ "$st" != Z ] && [ "$st" != X ] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$STATE"
}
alive() { local p out=""; for p in "$@"; do ours "$p" && out="$out $p"; done; echo "$out"; }

if [ ! -d "$STATE/pids" ]; then
    echo "nothing to stop ($STATE/pids missing)"
else
    echo "stopping the test cloud ($STATE)${ONLY:+: only $ONLY}"
    [ -n "$ONLY" ] || rm -f "$STATE/cloud.json"   # no longer READY
    pids=""
    for f in "$STATE"/pids/*.pid; do
        [ -f "$f" ] || continue
        pid=$(cat "$f"); name=$(basename "$f" .pid)
        [ -z "$ONLY" ] || [ "$name" = "$ONLY" ] || continue
        if ours "$pid"; then
            pids="$pids $pid"
            # keystone: also the uwsgi workers (children of the recorded master)
            [ "$name" = keystone ] && pids="$pids $(ps -o pid= --ppid "$pid" | tr '\n' ' ')"
            echo "  $name: pid $pid"
        else
            echo "  $name: pid $pid not running (or not ours)"
        fi
    done
    pids=$(alive $pids)
    t0=$(date +%s)
    # heat-all: graceful_shutdown_timeout=5 in heat.conf; uwsgi: die-on-term
    [ -n "$pids" ] && kill -TERM $pids 2>/dev/null
    for i in $(seq 1 50); do [ -z "$(alive $pids)" ] && break; sleep 0.2; done
    left=$(alive $pids)
    if [ -n "$left" ]; then     # oslo.service: a 2nd SIGTERM skips the graceful wait
        echo "  still running after 10 s:$left -> SIGTERM again"
        kill -TERM $left 2>/dev/null
        for i in $(seq 1 25); do [ -z "$(alive $left)" ] && break; sleep 0.2; done
        left=$(alive $left)
        [ -n "$left" ] && { echo "  SIGKILL:$left"; kill -KILL $left 2>/dev/null; }
    fi
    if [ -n "$ONLY" ]; then rm -f "$STATE/pids/$ONLY.pid" "$STATE/pids/$ONLY.sig"
    else rm -f "$STATE"/pids/*.pid "$STATE"/pids/*.sig; fi
    echo "stopped in $(( $(date +%s) - t0 ))s"
fi
if [ $PURGE = 1 ]; then
    rm -rf "$STATE"; echo "state dir $STATE removed"
fi
