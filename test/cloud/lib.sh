# shellcheck shell=bash
# lib.sh - process helpers shared by cloud-up.sh, full/services.sh and
# cloud-down.sh. Needs STATE. A process is "ours" only if it is alive, not a
# zombie, and either carries MARK in its environment or names the state dir
# in its command line: PIDs get recycled (PID 1 here reaps lazily), epmd's and
# rabbitmq-server's command lines have no path, and setproctitle (neutron)
# clobbers /proc/PID/environ, so both checks are needed (os-lab pitfall 10).
# No pkill / killall / process-group kills anywhere.
MARK="HEAT_STUDIO_CLOUD_MARK=$STATE"

ours() {  # PID
    local pid=$1 st
    [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
    st=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo X)
    [ "$st" != Z ] && [ "$st" != X ] || return 1
    tr '\0' '\n' 2>/dev/null < "/proc/$pid/environ" | grep -qxF -- "$MARK" && return 0
    tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -qF -- "$STATE"
}
# cloud.json means READY: it goes away as soon as anything is (re)started and
# comes back (atomically) at the end of cloud-up.sh. A run that finds
# everything up leaves it in place, so tests reading it meanwhile never see
# a running cloud as down.
not_ready() { rm -f "$STATE/cloud.json"; }
pid_alive() { [ -f "$STATE/pids/$1.pid" ] && ours "$(cat "$STATE/pids/$1.pid")"; }
alive() { local p out=""; for p in "$@"; do ours "$p" && out="$out $p"; done; echo "$out"; }
descendants() {  # PID -> every descendant PID (uwsgi/eventlet workers, beam.smp)
    local p
    for p in $(ps -o pid= --ppid "$1" 2>/dev/null || true); do echo "$p"; descendants "$p"; done
}
port_busy() {  # is something listening on port $1?
    if command -v ss >/dev/null; then ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
    else curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; fi
}
wait_port() {  # PORT TIMEOUT_S
    local i; for ((i = 0; i < $2 * 5; i++)); do port_busy "$1" && return 0; sleep 0.2; done; return 1
}

# stop_services "name..." [quiet]: TERM the recorded PIDs and their
# descendants, wait up to 10 s, TERM again (oslo.service skips its graceful
# wait on a second TERM), then KILL what is left. Forgets the pid/sig files.
stop_services() {
    local name f pid pids="" kids="" left i
    for name in $1; do
        f="$STATE/pids/$name.pid"; [ -f "$f" ] || continue
        pid=$(cat "$f")
        if ours "$pid"; then
            pids="$pids $pid"; kids="$kids $(descendants "$pid" | tr '\n' ' ')"
            [ -n "${2:-}" ] || echo "  $name: pid $pid"
        else
            [ -n "${2:-}" ] || echo "  $name: pid $pid not running (or not ours)"
        fi
        rm -f "$f" "$STATE/pids/$name.sig"
    done
    pids=$(alive $pids); kids=$(alive $kids)
    [ -z "$pids" ] && [ -z "$kids" ] && return 0
    kill -TERM $pids 2>/dev/null || true
    for i in $(seq 1 50); do [ -z "$(alive $pids $kids)" ] && break; sleep 0.2; done
    left=$(alive $pids $kids)
    if [ -n "$left" ]; then
        echo "  still running after 10 s:$left -> SIGTERM again"
        kill -TERM $left 2>/dev/null || true
        for i in $(seq 1 25); do [ -z "$(alive $left)" ] && break; sleep 0.2; done
        left=$(alive $left)
        [ -n "$left" ] && { echo "  SIGKILL:$left"; kill -KILL $left 2>/dev/null || true; }
    fi
    return 0
}
wait_any_http() {  # URL TIMEOUT_S -> any HTTP answer (an API root may say 300 or 401)
    local i c; for ((i = 0; i < $2 * 5; i++)); do
        c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)
        [ -n "$c" ] && [ "$c" != 000 ] && return 0; sleep 0.2; done; return 1
}
