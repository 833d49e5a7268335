#!/usr/bin/env bash
# memory.sh - memory of the running test cloud per recorded service (its PID
# plus every descendant): RSS counts pages shared by forked workers once per
# process; PSS splits shared pages between their sharers, so the PSS column
# adds up to the real footprint. From ../shared/os-lab/rss-os.sh.
STATE=${HEAT_STUDIO_CLOUD_STATE:-${TMPDIR:-/tmp}/heat-studio-cloud}
desc() { local p; for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$p"; desc "$p"; done; }
mib() { awk -v k="$1" 'BEGIN{printf "%.0f", k/1024}'; }
total=0; ptotal=0
printf '%-18s %8s %8s  %s\n' service RSS_MiB PSS_MiB processes
for f in "$STATE"/pids/*.pid; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .pid); pid=$(cat "$f")
    [ -d "/proc/$pid" ] || continue
    kb=0; pkb=0; n=0
    for p in $pid $(desc "$pid"); do
        r=$(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null)
        q=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
        [ -n "$r" ] && { kb=$((kb + r)); pkb=$((pkb + ${q:-0})); n=$((n + 1)); }
    done
    total=$((total + kb)); ptotal=$((ptotal + pkb))
    printf '%-18s %8s %8s  %d\n' "$name" "$(mib $kb)" "$(mib $pkb)" "$n"
done
printf '%-18s %8s %8s\n' TOTAL "$(mib $total)" "$(mib $ptotal)"
