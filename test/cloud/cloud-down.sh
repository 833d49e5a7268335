#!/usr/bin/env bash
# cloud-down.sh - stop what cloud-up.sh started (light or --full), and nothing
# else. Only the PIDs recorded in $STATE/pids/*.pid and their descendants
# (uwsgi/eventlet workers, beam.smp) are signalled, and only while a process is
# still ours (lib.sh: the state dir in its command line or our marker in its
# environment), so a recycled PID is never hit. No pkill / killall.
#   --only NAME  stop one service (heat, heat-r2, keystone, nova-compute, ...);
#                tests use it to take Heat away mid-watch; cloud-up.sh brings
#                it back
#   --purge      also delete the state dir (databases, keys, logs, images)
set -uo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
STATE=${HEAT_STUDIO_CLOUD_STATE:-${TMPDIR:-/tmp}/heat-studio-cloud}
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PURGE=0; ONLY=""
while [ $# -gt 0 ]; do
    case "$1" in
        --purge) PURGE=1 ;;
        --only) ONLY=${2:?--only needs a name}; shift ;;
        *) echo "usage: cloud-down.sh [--only NAME] [--purge]" >&2; exit 2 ;;
    esac
    shift
done
# shellcheck source=lib.sh
. "$LAB_DIR/lib.sh"

if [ ! -d "$STATE/pids" ]; then
    echo "nothing to stop ($STATE/pids missing)"
else
    echo "stopping the test cloud ($STATE)${ONLY:+: only $ONLY}"
    t0=$(date +%s)
    if [ -n "$ONLY" ]; then
        stop_services "$ONLY"
    else
        rm -f "$STATE/cloud.json"   # no longer READY
        # API and compute services first (they talk to RabbitMQ, MariaDB and
        # Keystone on their way out), then the infrastructure.
        stop_services "fake-ovs-agent heat heat-r2 nova-compute nova-api nova-conductor nova-scheduler cinder-api cinder-scheduler cinder-volume neutron-server glance-api placement"
        stop_services "keystone rabbitmq"
        stop_services "epmd mariadb"
        others=$(cd "$STATE/pids" && ls -- *.pid 2>/dev/null | sed 's/\.pid$//' | tr '\n' ' ')
        [ -n "$others" ] && stop_services "$others"
        rm -f "$STATE"/pids/*.sig
    fi
    echo "stopped in $(( $(date +%s) - t0 ))s"
fi
if [ $PURGE = 1 ]; then
    rm -rf "$STATE"; echo "state dir $STATE removed"
fi
