# shellcheck shell=bash
# full/services.sh - the full cloud's services beside Keystone and Heat:
# RabbitMQ, MariaDB, Placement, Glance, Cinder, Neutron (+ fake OVS agent),
# Nova (fake virt driver). Sourced by cloud-up.sh --full, which calls
#   full_prepare  before Keystone starts: configs, RabbitMQ, MariaDB, and the
#                 database syncs in two background chains (they need neither
#                 Keystone nor RabbitMQ);
#   full_start    once Keystone's objects exist: service users + catalog,
#                 the daemons, the agent, host discovery, flavors/image/network.
# Each daemon is started unless it runs with the same configuration (md5 of its
# files in pids/NAME.sig), restarted when that changed. Adapted from
# ../shared/os-lab/start-os.sh (its NOTES.md lists the 16 pitfalls).
# Needs from cloud-up.sh: STATE HOST KS_URL DEBUG PY ADMIN_PASSWORD, log, die,
# wait_http, set_wal and lib.sh.

FULL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# HEAT_STUDIO_CLOUD_FULL_PORT_OFFSET moves every port below, so that a second
# full cloud (own state dir and Keystone/Heat ports) can run beside the shared
# one, e.g. to test this script without taking the shared cloud down.
O=${HEAT_STUDIO_CLOUD_FULL_PORT_OFFSET:-0}
NOVA_PORT=$((8774 + O)); PLACEMENT_PORT=$((8778 + O)); NEUTRON_PORT=$((9696 + O)); GLANCE_PORT=$((9292 + O))
CINDER_PORT=$((8776 + O)); RABBIT_PORT=$((5672 + O)); EPMD_PORT=$((4369 + O)); RABBIT_DIST_PORT=$((25672 + O))
COMPUTE_HOST=heat-studio-compute   # nova-compute's host == the fake agent's host
RABBIT_URL="rabbit://guest:guest@$HOST:$RABBIT_PORT/"
MYSQL_SOCK=$STATE/mysql/mysqld.sock
# Every daemon of the full cloud except Keystone and Heat, in stop order
# (services first; they talk to RabbitMQ and MariaDB on their way out).
FULL_SERVICES="fake-ovs-agent nova-compute nova-api nova-conductor nova-scheduler cinder-api cinder-scheduler cinder-volume neutron-server glance-api placement"
FULL_INFRA="rabbitmq epmd mariadb"
# shellcheck source=configs.sh
. "$FULL_DIR/configs.sh"

# start_svc NAME PORT|- "SIGFILES" -- CMD...
start_svc() {
    local name=$1 port=$2 sigfiles=$3 sig; shift 4
    # shellcheck disable=SC2086
    sig=$(cat $sigfiles | md5sum | cut -c1-16)
    if pid_alive "$name"; then
        if [ "$(cat "$STATE/pids/$name.sig" 2>/dev/null)" = "$sig" ]; then return 0; fi
        log "$name: configuration changed -> restarting"; not_ready; stop_services "$name" quiet
    fi
    [ "$port" != - ] && port_busy "$port" && die "port $port is in use by something that is not this cloud"
    log "$name: starting"
    not_ready
    setsid env "$MARK" "$@" > "$STATE/log/$name.stdout" 2>&1 < /dev/null &
    echo $! > "$STATE/pids/$name.pid"; echo "$sig" > "$STATE/pids/$name.sig"
}

# console-script wrappers named like the real binaries (nova and cinder take
# the service "binary" from argv[0]); their path contains $STATE, so they are
# recognisably ours. The daemon packages (nova-compute -> libvirt/qemu,
# nova-api -> init scripts on 0.0.0.0) are never installed.
write_wrappers() {
    mkdir -p "$STATE/bin"
    local w
    for w in nova-api:nova.cmd.api nova-conductor:nova.cmd.conductor nova-scheduler:nova.cmd.scheduler \
             nova-compute:nova.cmd.compute cinder-api:cinder.cmd.api cinder-scheduler:cinder.cmd.scheduler \
             cinder-volume:cinder.cmd.volume glance-api:glance.cmd.api; do
        printf '#!/usr/bin/python3\nimport sys\nfrom %s import main\nsys.exit(main())\n' "${w#*:}" > "$STATE/bin/${w%%:*}"
        chmod 755 "$STATE/bin/${w%%:*}"
    done
}

start_rabbitmq() {
    pid_alive rabbitmq && port_busy $RABBIT_PORT && return 0
    port_busy $RABBIT_PORT && die "port $RABBIT_PORT is in use by something that is not this cloud"
    if ! pid_alive epmd; then
        port_busy $EPMD_PORT && die "port $EPMD_PORT (epmd) is in use by something that is not this cloud"
        # started by us so that its PID is recorded (else it daemonizes itself)
        setsid env "$MARK" /usr/bin/epmd -address $HOST -port $EPMD_PORT > "$STATE/log/epmd.stdout" 2>&1 < /dev/null &
        echo $! > "$STATE/pids/epmd.pid"
        wait_port $EPMD_PORT 10 || die "epmd did not start"
    fi
    log "rabbitmq: starting on $HOST:$RABBIT_PORT"; not_ready
    # The rabbitmq-server script runs beam in the background and turns SIGTERM
    # into a clean broker stop; its PID is the one recorded. Run directly (not
    # through a function in the background, which would record a subshell).
    setsid env "$MARK" HOME="$STATE/rabbitmq" RABBITMQ_NODENAME=rabbit@localhost \
        RABBITMQ_NODE_IP_ADDRESS=$HOST RABBITMQ_NODE_PORT=$RABBIT_PORT \
        RABBITMQ_DIST_PORT=$RABBIT_DIST_PORT ERL_EPMD_ADDRESS=$HOST ERL_EPMD_PORT=$EPMD_PORT \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        RABBITMQ_CONFIG_FILE="$STATE/rabbitmq/rabbitmq.conf" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$STATE/rabbitmq/enabled_plugins" \
        RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$STATE/log" \
        RABBITMQ_LOGS="$STATE/log/rabbitmq.log" RABBITMQ_PID_FILE="$STATE/rabbitmq/rabbit.pid" \
        /usr/lib/rabbitmq/bin/rabbitmq-server > "$STATE/log/rabbitmq.stdout" 2>&1 < /dev/null &
    echo $! > "$STATE/pids/rabbitmq.pid"
}

# MariaDB without any TCP port (--skip-networking): clients use the socket.
start_mariadb() {
    local i sql="" svc pw db dbs
    if ! { pid_alive mariadb && [ -S "$MYSQL_SOCK" ]; }; then
        if [ ! -d "$STATE/mysql/data/mysql" ]; then
            log "mariadb: mariadb-install-db"
            mariadb-install-db --no-defaults --datadir="$STATE/mysql/data" --user=root --skip-test-db \
                --auth-root-authentication-method=socket > "$STATE/log/mariadb-install.log" 2>&1 \
                || { tail -n 20 "$STATE/log/mariadb-install.log"; die "mariadb-install-db failed"; }
        fi
        log "mariadb: starting (unix socket only)"; not_ready
        rm -f "$MYSQL_SOCK"
        setsid env "$MARK" /usr/sbin/mariadbd --no-defaults --datadir="$STATE/mysql/data" \
            --socket="$MYSQL_SOCK" --skip-networking --pid-file="$STATE/mysql/mariadbd.pid" \
            --log-error="$STATE/log/mariadb.log" --user=root --innodb-buffer-pool-size=64M \
            --max-connections=500 --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
            > "$STATE/log/mariadb.stdout" 2>&1 < /dev/null &
        echo $! > "$STATE/pids/mariadb.pid"
        for i in $(seq 1 100); do [ -S "$MYSQL_SOCK" ] && break; sleep 0.2; done
        [ -S "$MYSQL_SOCK" ] || { tail -n 20 "$STATE/log/mariadb.log"; die "mariadb did not start"; }
    fi
    [ -f "$STATE/.mariadb-users" ] && [ "$(cat "$STATE/.mariadb-users")" = "$(md5sum < "$STATE/full-secrets.env")" ] && return 0
    for svc in neutron nova cinder placement; do
        pw="${svc^^}_PASSWORD"
        case $svc in nova) dbs="nova_api nova nova_cell0" ;; *) dbs=$svc ;; esac
        sql="$sql CREATE USER IF NOT EXISTS '$svc'@'localhost' IDENTIFIED BY '${!pw}';"
        sql="$sql ALTER USER '$svc'@'localhost' IDENTIFIED BY '${!pw}';"
        for db in $dbs; do sql="$sql CREATE DATABASE IF NOT EXISTS $db; GRANT ALL PRIVILEGES ON $db.* TO '$svc'@'localhost';"; done
    done
    mariadb -S "$MYSQL_SOCK" -u root -e "$sql" || die "mariadb: creating databases/users failed"
    md5sum < "$STATE/full-secrets.env" > "$STATE/.mariadb-users"
}

# Database syncs, once per state dir (marker $STATE/.NAME-db-ok).
db_chain_1() {
    set -e
    if [ ! -f "$STATE/.glance-db-ok" ]; then
        glance-manage --config-file "$STATE/etc/glance-api.conf" db_sync >> "$STATE/log/glance-manage.log" 2>&1
        set_wal "$STATE/glance.sqlite" > /dev/null; touch "$STATE/.glance-db-ok"; fi
    if [ ! -f "$STATE/.placement-db-ok" ]; then
        placement-manage --config-file "$STATE/etc/placement/placement.conf" db sync >> "$STATE/log/placement-manage.log" 2>&1
        touch "$STATE/.placement-db-ok"; fi
    if [ ! -f "$STATE/.cinder-db-ok" ]; then
        cinder-manage --config-file "$STATE/etc/cinder.conf" db sync >> "$STATE/log/cinder-manage.log" 2>&1
        touch "$STATE/.cinder-db-ok"; fi
}
db_chain_2() {
    set -e
    local NM="nova-manage --config-file $STATE/etc/nova.conf"
    if [ ! -f "$STATE/.nova-db-ok" ]; then
        $NM api_db sync >> "$STATE/log/nova-manage.log" 2>&1
        $NM cell_v2 map_cell0 --database_connection "$(db_url nova nova_cell0)" >> "$STATE/log/nova-manage.log" 2>&1
        $NM cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' || \
            $NM cell_v2 create_cell --name cell1 --database_connection "$(db_url nova nova)" \
                --transport-url "$RABBIT_URL" >> "$STATE/log/nova-manage.log" 2>&1
        $NM db sync >> "$STATE/log/nova-manage.log" 2>&1
        touch "$STATE/.nova-db-ok"; fi
    if [ ! -f "$STATE/.neutron-db-ok" ]; then
        neutron-db-manage --config-file "$STATE/etc/neutron.conf" upgrade heads >> "$STATE/log/neutron-manage.log" 2>&1
        touch "$STATE/.neutron-db-ok"; fi
}

full_prepare() {
    if [ ! -f "$STATE/full-secrets.env" ]; then   # generated once per state dir
        local s; umask 077
        for s in NOVA NEUTRON CINDER GLANCE PLACEMENT; do echo "${s}_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"; done > "$STATE/full-secrets.env"
        umask 022
    fi
    # shellcheck disable=SC1091
    . "$STATE/full-secrets.env"
    write_full_configs
    write_wrappers
    start_rabbitmq
    start_mariadb
    DB1=""; DB2=""
    if [ ! -f "$STATE/.glance-db-ok" ] || [ ! -f "$STATE/.placement-db-ok" ] || [ ! -f "$STATE/.cinder-db-ok" ]; then
        log "glance/placement/cinder: db sync (background)"
        db_chain_1 > "$STATE/log/db-init-1.out" 2>&1 & DB1=$!
    fi
    if [ ! -f "$STATE/.nova-db-ok" ] || [ ! -f "$STATE/.neutron-db-ok" ]; then
        log "nova/neutron: db sync (background)"
        db_chain_2 > "$STATE/log/db-init-2.out" 2>&1 & DB2=$!
    fi
}

full_start() {
    local sig i N="$STATE/etc/nova.conf" C="$STATE/etc/cinder.conf"
    sig=$(cat "$STATE/full-secrets.env" "$FULL_DIR/ks-services.py" | md5sum | cut -c1-16)
    if [ "$(cat "$STATE/.full-keystone-objects" 2>/dev/null)" != "$sig" ]; then
        log "keystone: service users nova/neutron/cinder/glance/placement + RegionOne catalog"
        env HOST=$HOST KS_URL=$KS_URL ADMIN_PASSWORD=$ADMIN_PASSWORD NOVA_PASSWORD=$NOVA_PASSWORD \
            NEUTRON_PASSWORD=$NEUTRON_PASSWORD CINDER_PASSWORD=$CINDER_PASSWORD GLANCE_PASSWORD=$GLANCE_PASSWORD \
            PLACEMENT_PASSWORD=$PLACEMENT_PASSWORD NOVA_PORT=$NOVA_PORT PLACEMENT_PORT=$PLACEMENT_PORT \
            NEUTRON_PORT=$NEUTRON_PORT GLANCE_PORT=$GLANCE_PORT CINDER_PORT=$CINDER_PORT \
            $PY "$FULL_DIR/ks-services.py" >> "$STATE/log/ks-services.out" 2>&1 \
            || { tail -n 20 "$STATE/log/ks-services.out"; die "keystone service setup failed"; }
        echo "$sig" > "$STATE/.full-keystone-objects"
    fi
    if [ -n "$DB1" ]; then wait "$DB1" || { tail -n 20 "$STATE/log/db-init-1.out" "$STATE"/log/{glance,placement,cinder}-manage.log; die "glance/placement/cinder db sync failed"; }; fi
    start_svc placement $PLACEMENT_PORT "$STATE/etc/placement/placement.conf $STATE/etc/placement-uwsgi.ini" -- \
        /usr/bin/uwsgi-core --ini "$STATE/etc/placement-uwsgi.ini"
    start_svc glance-api $GLANCE_PORT "$STATE/etc/glance-api.conf" -- "$STATE/bin/glance-api" --config-file "$STATE/etc/glance-api.conf"
    wait_port $RABBIT_PORT 60 || { tail -n 20 "$STATE/log/rabbitmq.stdout"; die "rabbitmq did not come up"; }
    start_svc cinder-api $CINDER_PORT "$C" -- "$STATE/bin/cinder-api" --config-file "$C" --log-file cinder-api.log
    start_svc cinder-scheduler - "$C" -- "$STATE/bin/cinder-scheduler" --config-file "$C" --log-file cinder-scheduler.log
    start_svc cinder-volume - "$C" -- "$STATE/bin/cinder-volume" --config-file "$C" --log-file cinder-volume.log
    if [ -n "$DB2" ]; then wait "$DB2" || { tail -n 20 "$STATE/log/db-init-2.out" "$STATE"/log/{nova,neutron}-manage.log; die "nova/neutron db sync failed"; }; fi
    start_svc neutron-server $NEUTRON_PORT "$STATE/etc/neutron.conf" -- /usr/bin/neutron-server --config-file "$STATE/etc/neutron.conf"
    start_svc nova-api $NOVA_PORT "$N" -- "$STATE/bin/nova-api" --config-file "$N" --log-file nova-api.log
    start_svc nova-conductor - "$N" -- "$STATE/bin/nova-conductor" --config-file "$N" --log-file nova-conductor.log
    start_svc nova-scheduler - "$N" -- "$STATE/bin/nova-scheduler" --config-file "$N" --log-file nova-scheduler.log
    wait_http "http://$HOST:$PLACEMENT_PORT/" 200 60 || die "placement did not come up (see $STATE/log/placement-uwsgi.log)"
    start_svc nova-compute - "$STATE/etc/nova-compute.conf" -- "$STATE/bin/nova-compute" --config-file "$STATE/etc/nova-compute.conf" --log-file nova-compute.log
    local pp
    for pp in glance-api:$GLANCE_PORT cinder-api:$CINDER_PORT neutron-server:$NEUTRON_PORT nova-api:$NOVA_PORT; do
        wait_any_http "http://$HOST:${pp#*:}/" 120 || { tail -n 20 "$STATE/log/${pp%%:*}.log"; die "${pp%%:*} did not come up"; }
    done
    log "nova, neutron, cinder, glance, placement APIs answer"

    # the fake OVS agent (pitfalls 4, 7, 14): ports bind only to a host with a live agent
    start_svc fake-ovs-agent - "$STATE/etc/neutron.conf $FULL_DIR/fake-ovs-agent.py" -- \
        $PY "$FULL_DIR/fake-ovs-agent.py" "$STATE/etc/neutron.conf" "$COMPUTE_HOST"
    for i in $(seq 1 60); do
        grep -q '^report_state ->' "$STATE/log/fake-ovs-agent.stdout" 2>/dev/null && break
        pid_alive fake-ovs-agent || { tail -n 5 "$STATE/log/fake-ovs-agent.stdout"; die "fake-ovs-agent died"; }
        sleep 0.5
    done
    grep -q '^report_state ->' "$STATE/log/fake-ovs-agent.stdout" || die "fake-ovs-agent did not register (see $STATE/log/fake-ovs-agent.stdout)"

    # nova-compute registers itself (service, compute node, resource provider);
    # map it to cell1 once. The host list is read into a variable first: under
    # pipefail, `nova-manage | grep -q` fails whenever nova-manage exits
    # non-zero or is cut off by grep's early exit, even with the host listed
    # (a cloud-up on a loaded machine died that way with the host mapped).
    # Bounded by time, not tries: each nova-manage takes seconds under load.
    host_mapped() {
        local hosts
        hosts=$(nova-manage --config-file "$N" cell_v2 list_hosts 2>/dev/null || true)
        [[ "$hosts" == *" $COMPUTE_HOST "* ]]
    }
    if [ ! -f "$STATE/.nova-host-mapped" ]; then
        deadline=$((SECONDS + 240))
        until host_mapped; do
            [ "$SECONDS" -lt "$deadline" ] || die "nova-compute did not register within 240 s (see $STATE/log/nova-compute.log)"
            nova-manage --config-file "$N" cell_v2 discover_hosts --verbose >> "$STATE/log/nova-discover.log" 2>&1 || true
            sleep 2
        done
        touch "$STATE/.nova-host-mapped"
        log "nova-compute $COMPUTE_HOST mapped to cell1"
    fi
    sig=$(md5sum < "$FULL_DIR/post-setup.py")
    if [ "$(cat "$STATE/.full-post-setup" 2>/dev/null)" != "$sig" ]; then
        env KS_URL=$KS_URL ADMIN_PASSWORD=$ADMIN_PASSWORD $PY "$FULL_DIR/post-setup.py" >> "$STATE/log/post-setup.out" 2>&1 \
            || { tail -n 20 "$STATE/log/post-setup.out"; die "flavors/image/network setup failed"; }
        echo "$sig" > "$STATE/.full-post-setup"
        log "flavors m1.tiny/m1.small, image tiny, network public ok"
    fi
}
