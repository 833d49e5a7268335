#!/usr/bin/env bash
# cloud-up.sh - the project's test cloud: a REAL OpenStack Heat 19 (Zed) and
# Keystone 22 (Zed) from Debian 12 packages, on 127.0.0.1 only.
# `npm run cloud:up` / `npm run cloud:down`. Integration tests and the watcher
# benchmark read $STATE/cloud.json, which this script writes when READY.
#
# Derived from ../shared/heat-lab/cloud-up.sh (see test/cloud/README.md for
# the pitfalls it works around). Idempotent: installs the Debian packages if
# missing, writes the configuration, initialises SQLite once, starts what is
# not running (restarts heat-all when its configuration changed), waits for a
# real authenticated Heat round trip per region and prints what it started.
#
#   keystone : uwsgi-core + python3 plugin, 127.0.0.1:5000, SQLite (WAL)
#   heat     : heat-all (api + engine in ONE process, oslo.messaging "fake"
#              in-process driver, no RabbitMQ), 127.0.0.1:8004 = RegionOne,
#              a second heat-all with its own DB on 127.0.0.1:8005 = RegionTwo
#
# --full: the FULL cloud, a superset of the above: Nova (fake virt driver),
#   Neutron (ML2/openvswitch + fake OVS agent), Cinder (fake driver), Glance,
#   Placement, RabbitMQ and MariaDB (unix socket) on RegionOne; RegionTwo stays
#   Heat-only. See full/services.sh and test/cloud/README.md.
# The mode is remembered in $STATE/mode: without --full/--light the running
# (or last) mode is kept, so `cloud-up.sh` on a full cloud keeps it full.
# --light on a full cloud stops the full cloud's extra services.
#
# Environment:
#   HEAT_STUDIO_CLOUD_STATE   state dir (default ${TMPDIR:-/tmp}/heat-studio-cloud);
#                             never inside the repository
#   HEAT_STUDIO_CLOUD_REGION2 separate|shared|none (default separate)
#   HEAT_STUDIO_CLOUD_ADMIN_PASSWORD / _DEMO_PASSWORD (admin-secret / demo-secret)
#   HEAT_STUDIO_CLOUD_KS_PORT / _HEAT_PORT / _HEAT2_PORT (5000 / 8004 / 8005)
#   HEAT_STUDIO_CLOUD_DEBUG   1 = debug logging in heat + keystone
#   HEAT_STUDIO_CLOUD_APT_OPTS extra apt-get options
set -euo pipefail
MODE_ARG=""
for a in "$@"; do
    case "$a" in
        --full) MODE_ARG=full ;;
        --light) MODE_ARG=light ;;
        *) echo "usage: cloud-up.sh [--full|--light]" >&2; exit 2 ;;
    esac
done

export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
PY=/usr/bin/python3          # NOT the first python3 on PATH (pyenv here)
export LC_ALL=C.UTF-8

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${HEAT_STUDIO_CLOUD_STATE:-${TMPDIR:-/tmp}/heat-studio-cloud}
REGION2=${HEAT_STUDIO_CLOUD_REGION2:-separate}
ADMIN_PASSWORD=${HEAT_STUDIO_CLOUD_ADMIN_PASSWORD:-admin-secret}
DEMO_PASSWORD=${HEAT_STUDIO_CLOUD_DEMO_PASSWORD:-demo-secret}
KS_PORT=${HEAT_STUDIO_CLOUD_KS_PORT:-5000}
HEAT_PORT=${HEAT_STUDIO_CLOUD_HEAT_PORT:-8004}
HEAT2_PORT=${HEAT_STUDIO_CLOUD_HEAT2_PORT:-8005}
# One thread per uwsgi process: Keystone 22 under uwsgi threads mixes roles
# between concurrent requests (a demo token came back with the `service` role
# of a service token validated at the same moment; application credential
# creation then failed 28 of 40 times while 4 threads validated a nova token;
# 0 of 80 with threads = 1). 3 processes: ~350 MiB PSS more than 1 x 8 threads.
KS_PROCESSES=${HEAT_STUDIO_CLOUD_KS_PROCESSES:-3}
KS_THREADS=${HEAT_STUDIO_CLOUD_KS_THREADS:-1}
DEBUG=$([ "${HEAT_STUDIO_CLOUD_DEBUG:-0}" = 1 ] && echo true || echo false)
HOST=127.0.0.1
KS_URL=http://$HOST:$KS_PORT/v3

REPO_DIR=$(cd "$LAB_DIR/../.." && pwd)
case "$STATE/" in "$REPO_DIR"/*) echo "the state dir must be outside the repository ($STATE)" >&2; exit 2;; esac

case "$REGION2" in separate|shared|none) ;; *)
    echo "HEAT_STUDIO_CLOUD_REGION2 must be separate|shared|none" >&2; exit 2;; esac

T_START=$(date +%s%N)
# seconds since $1 (a `date +%s%N` value), one decimal, pure bash (no bc)
dt() { local ms=$(( ($(date +%s%N) - $1) / 1000000 )); printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100)); }
el() { dt "$T_START"; }
log() { echo "[cloud-up +$(el)s] $*"; }
die() { echo "[cloud-up] ERROR: $*" >&2; exit 1; }

# apt-get needs root; everything else runs as the calling user (tested as root).
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
ME=$(id -un); MYGROUP=$(id -gn)

# ---------------------------------------------------------------- install --
# Minimal set: heat-common brings python3-heat (+ heatclient, openstackclient,
# keystoneauth, ...) and /usr/bin/heat-all, heat-manage; python3-keystone has
# keystone-manage and keystone-wsgi-public; uwsgi serves keystone.
# The daemon packages heat-api, heat-engine and keystone are NOT needed
# (their init scripts would bind 0.0.0.0 via uwsgi and would try to start).
PKGS="heat-common python3-keystone uwsgi-core uwsgi-plugin-python3 curl"
# --full: the -common packages bring /etc/<svc> defaults (api-paste.ini,
# rootwrap) and the *-manage tools, python3-* the code; every daemon runs from
# a wrapper in $STATE/bin (full/services.sh), never from the daemon packages.
MODE=${MODE_ARG:-$(cat "$STATE/mode" 2>/dev/null || echo light)}
[ "$MODE" = full ] && PKGS="$PKGS python3-nova nova-common python3-neutron neutron-common
    python3-cinder cinder-common python3-glance glance-common python3-placement placement-common
    rabbitmq-server mariadb-server"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
    log "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    # Answer every debconf question of the OpenStack packages with "no":
    # no dbconfig-common DB setup, no RabbitMQ, no keystone_authtoken, no
    # endpoint registration, no admin tenant creation (all defaults are false
    # already; preseeding makes it explicit and survives old debconf state).
    $SUDO debconf-set-selections <<'EOF'
keystone keystone/configure_db boolean false
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
heat-common heat/configure_db boolean false
heat-common heat/configure_with_debconf boolean false
heat-common heat/configure_rabbit boolean false
heat-common heat/configure_ksat boolean false
heat-api heat/configure_api-endpoint boolean false
nova-common nova/configure_db boolean false
neutron-common neutron/configure_db boolean false
cinder-common cinder/configure_db boolean false
glance-common glance/configure_db boolean false
placement-common placement/configure_db boolean false
EOF
    # Never let a maintainer script start a daemon.
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d > /dev/null
        $SUDO chmod 755 /usr/sbin/policy-rc.d; created_policy=1
        trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    if ! apt-cache show heat-common python3-nova >/dev/null 2>&1; then
        log "apt lists empty -> apt-get update"
        $SUDO apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
    fi
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 ${HEAT_STUDIO_CLOUD_APT_OPTS:-} $missing > "${TMPDIR:-/tmp}/heat-studio-cloud-apt.log" 2>&1 \
        || { tail -30 "${TMPDIR:-/tmp}/heat-studio-cloud-apt.log"; die "apt-get install failed"; }
    if [ $created_policy = 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
    log "apt-get install took $(dt "$t0")s (log: ${TMPDIR:-/tmp}/heat-studio-cloud-apt.log)"
else
    log "packages already installed"
fi

# -------------------------------------------------------------- helpers --
mkdir -p "$STATE"/{etc,log,pids,lock,fernet-keys,credential-keys,environment.d}
chmod 700 "$STATE/fernet-keys" "$STATE/credential-keys"
# shellcheck source=lib.sh
. "$LAB_DIR/lib.sh"     # ours, pid_alive, port_busy, stop_services, not_ready, ...
# cloud.json (READY) goes away when the mode changes or anything (re)starts
[ "$(cat "$STATE/mode" 2>/dev/null)" = "$MODE" ] || not_ready
echo "$MODE" > "$STATE/mode"
# wait_http URL EXPECTED_CODE TIMEOUT_S
wait_http() {
    local i n=$(( $3 * 5 ))
    for ((i = 0; i < n; i++)); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" = "$2" ] && return 0
        sleep 0.2
    done
    return 1
}
set_wal() { $PY - "$1" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
print(c.execute('PRAGMA journal_mode=WAL').fetchone()[0])
c.close()
EOF
}

# ------------------------------------------------------------- passwords --
# Service passwords are generated once per state dir and kept there.
if [ ! -f "$STATE/secrets.env" ]; then
    gen() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
    umask 077
    { echo "HEAT_PASSWORD=$(gen)"; echo "HEAT_DOMAIN_ADMIN_PASSWORD=$(gen)"; } > "$STATE/secrets.env"
    umask 022
fi
# shellcheck disable=SC1091
. "$STATE/secrets.env"

# ------------------------------------------------------------ keystone.conf --
cat > "$STATE/etc/keystone.conf" <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
log_file = keystone.log
[database]
connection = sqlite:///$STATE/keystone.sqlite
[token]
provider = fernet
expiration = 86400
[fernet_tokens]
key_repository = $STATE/fernet-keys
[fernet_receipts]
key_repository = $STATE/fernet-keys
[credential]
key_repository = $STATE/credential-keys
[oslo_policy]
policy_dirs = /etc/keystone/policy.d
EOF
cat > "$STATE/etc/keystone-uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = $HOST:$KS_PORT
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$STATE/etc/keystone.conf
master = true
processes = $KS_PROCESSES
threads = $KS_THREADS
enable-threads = true
lazy-apps = true
die-on-term = true
buffer-size = 65535
add-header = Connection: close
logto = $STATE/log/keystone-uwsgi.log
EOF
KM="keystone-manage --config-file $STATE/etc/keystone.conf"

# ---------------------------------------------------------------- heat.conf --
# write_heat_conf FILE REGION PORT DBFILE LOGFILE HOSTNAME
write_heat_conf() {
cat > "$1" <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
log_file = $5
host = $6
# api + engine live in one heat-all process -> in-process fake RPC driver
transport_url = fake:/
rpc_response_timeout = 120
# SIGTERM: stop within 5 s instead of waiting up to 60 s for graceful drain
graceful_shutdown_timeout = 5
num_engine_workers = 1
convergence_engine = true
region_name_for_services = $2
environment_dir = $STATE/environment.d
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $HEAT_DOMAIN_ADMIN_PASSWORD
stack_user_domain_name = heat
deferred_auth_method = trusts
# OS::Nova::Server's default user_data (HEAT_CFNTOOLS / SOFTWARE_CONFIG) needs
# a cfn metadata URL, else the catalog's "cloudformation" entry, which does
# not exist here. Nothing listens on :8000: no server ever boots (Nova's fake
# driver). Harmless on the Heat-only light cloud (os-lab pitfall 6).
heat_metadata_server_url = http://$HOST:8000
heat_waitcondition_server_url = http://$HOST:8000/v1/waitcondition
[heat_all]
enabled_services = api,engine
[heat_api]
bind_host = $HOST
bind_port = $3
workers = 1
[database]
connection = sqlite:///$4
[paste_deploy]
api_paste_config = /etc/heat/api-paste.ini
[oslo_policy]
policy_dirs = /etc/heat/policy.d
[oslo_messaging_notifications]
driver = noop
[oslo_concurrency]
lock_path = $STATE/lock
[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = heat
password = $HEAT_PASSWORD
region_name = $2
# No validation cache: a token revoked in Keystone is refused by Heat at once
# (tests revoke tokens to prove the client re-authenticates after a 401).
token_cache_time = -1
[trustee]
auth_type = password
auth_url = $KS_URL
username = heat
password = $HEAT_PASSWORD
user_domain_name = Default
[clients_keystone]
auth_uri = http://$HOST:$KS_PORT
[ec2authtoken]
auth_uri = $KS_URL
EOF
}
write_heat_conf "$STATE/etc/heat.conf" RegionOne "$HEAT_PORT" "$STATE/heat.sqlite" heat.log heat-studio-r1
[ "$REGION2" = separate ] && write_heat_conf "$STATE/etc/heat-r2.conf" RegionTwo "$HEAT2_PORT" "$STATE/heat-r2.sqlite" heat-r2.log heat-studio-r2

# Global environment (server side): Debian's default + optional stubs.
cp /etc/heat/environment.d/default.yaml "$STATE/environment.d/00-default.yaml"
# No server-side stubs: the studio sends its visible "sandbox" environment
# (OS::Nova::* etc. -> OS::Heat::None) per request, only for sandbox profiles.
rm -f "$STATE/environment.d/90-stub-services.yaml"

# ---------------------------------------- full cloud: infra + db syncs --
# shellcheck source=full/services.sh
. "$LAB_DIR/full/services.sh"
if [ "$MODE" = full ]; then
    full_prepare        # configs, RabbitMQ, MariaDB, db syncs in the background
else
    for svc in $FULL_SERVICES $FULL_INFRA; do
        if pid_alive "$svc"; then
            log "light mode: stopping the full cloud's services"
            stop_services "$FULL_SERVICES"; stop_services "$FULL_INFRA"; break
        fi
    done
fi

# ------------------------------------------- databases (in parallel) --
# heat-manage db_sync does not need keystone, so it runs in the background
# while keystone is initialised (2 cores: this saves a few seconds).
# heat_db CONF DBFILE
heat_db() {
    [ -f "$2.ok" ] && return 0
    heat-manage --config-file "$1" db_sync >> "$STATE/log/heat-manage.log" 2>&1
    set_wal "$2" > /dev/null      # SQLite WAL: readers never block writers
    touch "$2.ok"
}
HEAT_DB_PIDS=""
if ! pid_alive heat; then
    [ -f "$STATE/heat.sqlite.ok" ] || log "heat: heat-manage db_sync (background)"
    heat_db "$STATE/etc/heat.conf" "$STATE/heat.sqlite" & HEAT_DB_PIDS="$HEAT_DB_PIDS $!"
fi
if [ "$REGION2" = separate ] && ! pid_alive heat-r2; then
    heat_db "$STATE/etc/heat-r2.conf" "$STATE/heat-r2.sqlite" & HEAT_DB_PIDS="$HEAT_DB_PIDS $!"
fi

# --------------------------------------------------------- keystone start --
JUST_BOOTSTRAPPED=0
KS_CONF_SIG=$(cat "$STATE/etc/keystone.conf" "$STATE/etc/keystone-uwsgi.ini" | md5sum | cut -c1-16)
if pid_alive keystone && [ "$(cat "$STATE/pids/keystone.sig" 2>/dev/null || echo none)" != "$KS_CONF_SIG" ]; then
    # keystone.sig absent: started before it was recorded; restart once
    log "keystone: configuration changed -> restarting"
    not_ready; stop_services keystone quiet
fi
if pid_alive keystone && wait_http "$KS_URL" 200 2; then
    log "keystone already running (pid $(cat "$STATE/pids/keystone.pid"))"
else
    port_busy "$KS_PORT" && die "port $KS_PORT is in use by something that is not this lab"
    if [ ! -f "$STATE/.keystone-db-ok" ]; then
        log "keystone: db_sync + fernet/credential keys"
        $KM fernet_setup --keystone-user "$ME" --keystone-group "$MYGROUP" >> "$STATE/log/keystone-keys.log" 2>&1 & k1=$!
        $KM credential_setup --keystone-user "$ME" --keystone-group "$MYGROUP" >> "$STATE/log/keystone-keys.log" 2>&1 & k2=$!
        $KM db_sync >> "$STATE/log/keystone-manage.log" 2>&1
        wait $k1 $k2
        # SQLite WAL: keystone leaves a read transaction open after some
        # requests; in the default rollback-journal mode that blocks every
        # writer ("database is locked" after 5 s, HTTP 500 / dropped reply).
        set_wal "$STATE/keystone.sqlite" > /dev/null
        log "keystone: bootstrap admin/admin, region RegionOne, identity endpoint $KS_URL"
        $KM bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
            --bootstrap-username admin --bootstrap-project-name admin \
            --bootstrap-role-name admin --bootstrap-service-name keystone \
            --bootstrap-region-id RegionOne \
            --bootstrap-admin-url "$KS_URL" --bootstrap-public-url "$KS_URL" \
            --bootstrap-internal-url "$KS_URL" >> "$STATE/log/keystone-manage.log" 2>&1
        touch "$STATE/.keystone-db-ok"
        JUST_BOOTSTRAPPED=1
    fi
    log "keystone: starting uwsgi on $HOST:$KS_PORT"
    not_ready
    setsid /usr/bin/uwsgi-core --ini "$STATE/etc/keystone-uwsgi.ini" \
        > "$STATE/log/keystone-uwsgi.stdout" 2>&1 < /dev/null &
    echo $! > "$STATE/pids/keystone.pid"
    echo "$KS_CONF_SIG" > "$STATE/pids/keystone.sig"
fi

# ------------------------------------------------------------- heat start --
# heat-all does not need keystone to start (keystonemiddleware authenticates
# lazily), so it boots while keystone's uwsgi imports its app.
for p in $HEAT_DB_PIDS; do wait "$p" || die "heat-manage db_sync failed (see $STATE/log/heat-manage.log)"; done
# start_heat NAME CONF PORT
start_heat() {
    local name=$1 conf=$2 port=$3 sig pid i
    # heat.conf + global environment are read at start: restart on change
    sig=$(cat "$conf" "$STATE"/environment.d/*.yaml | md5sum | cut -c1-16)
    if pid_alive "$name"; then
        if [ "$(cat "$STATE/pids/$name.sig" 2>/dev/null)" = "$sig" ] && wait_http "http://$HOST:$port/" 300 2; then
            log "$name already running (pid $(cat "$STATE/pids/$name.pid"))"; return 0
        fi
        pid=$(cat "$STATE/pids/$name.pid")
        log "$name: configuration changed -> restarting pid $pid"
        not_ready
        kill -TERM "$pid"
        for i in $(seq 1 50); do pid_alive "$name" || break; sleep 0.2; done
        pid_alive "$name" && kill -TERM "$pid"   # 2nd TERM skips the graceful wait
        for i in $(seq 1 25); do pid_alive "$name" || break; sleep 0.2; done
        pid_alive "$name" && kill -KILL "$pid"
        sleep 0.3
    fi
    port_busy "$port" && die "port $port is in use by something that is not this lab"
    log "$name: starting heat-all on $HOST:$port"
    not_ready
    setsid /usr/bin/heat-all --config-file "$conf" \
        > "$STATE/log/$name.stdout" 2>&1 < /dev/null &
    echo $! > "$STATE/pids/$name.pid"
    echo "$sig" > "$STATE/pids/$name.sig"
}
start_heat heat "$STATE/etc/heat.conf" "$HEAT_PORT"
if [ "$REGION2" = separate ]; then
    start_heat heat-r2 "$STATE/etc/heat-r2.conf" "$HEAT2_PORT"
elif pid_alive heat-r2; then
    log "HEAT_STUDIO_CLOUD_REGION2=$REGION2: stopping the RegionTwo heat-all"
    kill "$(cat "$STATE/pids/heat-r2.pid")"; rm -f "$STATE/pids/heat-r2.pid"
fi

wait_http "$KS_URL" 200 60 || { tail -20 "$STATE/log/keystone-uwsgi.log"; die "keystone did not come up"; }
log "keystone up (pid $(cat "$STATE/pids/keystone.pid"))"

# ------------------------------------------------- keystone objects/catalog --
HEAT_URL_R1="http://$HOST:$HEAT_PORT/v1/%(tenant_id)s"
case "$REGION2" in
    separate) HEAT_URL_R2="http://$HOST:$HEAT2_PORT/v1/%(tenant_id)s" ;;
    shared)   HEAT_URL_R2="$HEAT_URL_R1" ;;
    none)     HEAT_URL_R2="" ;;
esac
cat > "$STATE/ks-setup.py" <<'PYEOF'
#!/usr/bin/python3
"""Idempotently create the Keystone objects the Heat lab needs.

Runs with Debian's /usr/bin/python3 (keystoneauth1 + keystoneclient come
with the python3-heat / python3-keystone packages).  Everything is driven by
environment variables exported by cloud-up.sh.
"""
import os
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

E = os.environ
KS = E.get('KS_URL', 'http://127.0.0.1:5000/v3')
ADMIN_PW = E['ADMIN_PASSWORD']
HEAT_PW = E['HEAT_PASSWORD']
DOMAIN_ADMIN_PW = E['HEAT_DOMAIN_ADMIN_PASSWORD']
DEMO_PW = E['DEMO_PASSWORD']
HEAT_URL_R1 = E['HEAT_URL_R1']          # http://127.0.0.1:8004/v1/%(tenant_id)s
HEAT_URL_R2 = E.get('HEAT_URL_R2', '')  # may be the same as R1
REGIONS = [('RegionOne', HEAT_URL_R1)]
if HEAT_URL_R2:
    REGIONS.append(('RegionTwo', HEAT_URL_R2))

auth = v3.Password(auth_url=KS, username='admin', password=ADMIN_PW,
                   user_domain_id='default', project_name='admin',
                   project_domain_id='default')
sess = session.Session(auth=auth)
ks = client.Client(session=sess, interface='public')


def one(items, what):
    return items[0] if items else None


def role(name):
    r = one(ks.roles.list(name=name), name)
    return r or ks.roles.create(name=name)


def project(name, domain='default', desc=''):
    p = one(ks.projects.list(name=name, domain=domain), name)
    return p or ks.projects.create(name=name, domain=domain, description=desc)


def user(name, password, domain='default', project=None):
    u = one(ks.users.list(name=name, domain=domain), name)
    if u:
        ks.users.update(u, password=password, enabled=True)
        return u
    return ks.users.create(name=name, domain=domain, password=password,
                           default_project=project, enabled=True)


def domain(name, desc=''):
    d = one(ks.domains.list(name=name), name)
    return d or ks.domains.create(name=name, description=desc)


def grant(r, u, project=None, domain=None):
    # grant() is idempotent on the server side (PUT)
    ks.roles.grant(r, user=u, project=project, domain=domain)


admin_role = role('admin')
member_role = role('member')
reader_role = role('reader')
owner_role = role('heat_stack_owner')
role('heat_stack_user')   # heat assigns this to the users it creates

admin_user = one(ks.users.list(name='admin', domain='default'), 'admin')
admin_proj = project('admin')
grant(owner_role, admin_user, project=admin_proj)

service_proj = project('service', desc='Service project')
heat_user = user('heat', HEAT_PW, project=service_proj)
grant(admin_role, heat_user, project=service_proj)

heat_domain = domain('heat', 'Stack projects and users')
dadmin = user('heat_domain_admin', DOMAIN_ADMIN_PW, domain=heat_domain.id)
grant(admin_role, dadmin, domain=heat_domain)

demo_proj = project('demo', desc='Second tenant for tests')
demo_user = user('demo', DEMO_PW, project=demo_proj)
grant(member_role, demo_user, project=demo_proj)
grant(owner_role, demo_user, project=demo_proj)

# Catalog: orchestration service with endpoints per region
svc = one(ks.services.list(type='orchestration'), 'orchestration')
if not svc:
    svc = ks.services.create(name='heat', type='orchestration',
                             description='Orchestration')
existing_regions = {r.id for r in ks.regions.list()}
for region, url in REGIONS:
    if region not in existing_regions:
        ks.regions.create(id=region)
    # Keystone (identity) endpoint for the extra region, so that clients
    # that pass --os-region-name RegionTwo can still find identity.
    if region != 'RegionOne':
        idsvc = one(ks.services.list(type='identity'), 'identity')
        have = ks.endpoints.list(service=idsvc, region=region)
        if not have:
            for iface in ('public', 'internal', 'admin'):
                ks.endpoints.create(service=idsvc, url=KS, interface=iface,
                                    region=region)
    have = {e.interface: e for e in ks.endpoints.list(service=svc,
                                                       region=region)}
    for iface in ('public', 'internal', 'admin'):
        if iface in have:
            if have[iface].url != url:
                ks.endpoints.update(have[iface], url=url)
        else:
            ks.endpoints.create(service=svc, url=url, interface=iface,
                                region=region)

print('keystone objects ok: projects admin=%s demo=%s service=%s, '
      'heat domain=%s' % (admin_proj.id, demo_proj.id, service_proj.id,
                          heat_domain.id))
sys.exit(0)
PYEOF
KS_SIG=$(echo "$ADMIN_PASSWORD $DEMO_PASSWORD $HEAT_PASSWORD $HEAT_DOMAIN_ADMIN_PASSWORD $HEAT_URL_R1 $HEAT_URL_R2 $KS_URL" | md5sum | cut -c1-16)
if [ "$(cat "$STATE/.keystone-objects" 2>/dev/null)" != "$KS_SIG" ]; then
    log "keystone: creating service project, heat user, heat domain, demo tenant, catalog"
    # keystone-manage bootstrap is idempotent and resets the admin password
    [ "$JUST_BOOTSTRAPPED" = 1 ] || $KM bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
        --bootstrap-project-name admin --bootstrap-role-name admin \
        --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
        --bootstrap-admin-url "$KS_URL" --bootstrap-public-url "$KS_URL" \
        --bootstrap-internal-url "$KS_URL" >> "$STATE/log/keystone-manage.log" 2>&1
    KS_URL=$KS_URL ADMIN_PASSWORD=$ADMIN_PASSWORD HEAT_PASSWORD=$HEAT_PASSWORD \
    HEAT_DOMAIN_ADMIN_PASSWORD=$HEAT_DOMAIN_ADMIN_PASSWORD DEMO_PASSWORD=$DEMO_PASSWORD \
    HEAT_URL_R1=$HEAT_URL_R1 HEAT_URL_R2=$HEAT_URL_R2 \
        $PY "$STATE/ks-setup.py" | tee -a "$STATE/log/ks-setup.out" || die "keystone object setup failed"
    echo "$KS_SIG" > "$STATE/.keystone-objects"
fi

# ------------------------------------------------------------ heat wait --
for port in $HEAT_PORT $([ "$REGION2" = separate ] && echo "$HEAT2_PORT"); do
    wait_http "http://$HOST:$port/" 300 90 || { tail -30 "$STATE/log/heat.log"; die "heat-api on :$port did not come up"; }
done

# ------------------------------------------------------ full cloud: start --
[ "$MODE" = full ] && full_start

# ------------------------------------------------------------ health check --
# A real round trip: token from keystone, orchestration URL from the catalog,
# GET .../stacks (exercises keystonemiddleware + RPC to the engine + DB).
health() {
    local region=$1
    $PY - "$KS_URL" "$ADMIN_PASSWORD" "$region" <<'EOF'
import json, sys, urllib.request
ks, pw, region = sys.argv[1:4]
body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": "admin", "domain": {"id": "default"}, "password": pw}}},
    "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
req = urllib.request.Request(ks + '/auth/tokens', json.dumps(body).encode(),
                             {'Content-Type': 'application/json'})
r = urllib.request.urlopen(req, timeout=30)
tok = r.headers['X-Subject-Token']
cat = json.load(r)['token']['catalog']
url = [e['url'] for s in cat if s['type'] == 'orchestration'
       for e in s['endpoints'] if e['interface'] == 'public' and e['region'] == region][0]
r = urllib.request.urlopen(urllib.request.Request(url + '/stacks', headers={'X-Auth-Token': tok}), timeout=60)
json.load(r)['stacks']
print(url)
EOF
}
for i in $(seq 1 30); do
    if url=$(health RegionOne 2>/dev/null); then break; fi
    sleep 1; url=""
done
[ -n "$url" ] || die "authenticated GET /stacks on RegionOne failed (see $STATE/log/heat.log)"
if [ "$REGION2" != none ]; then
    url2=$(health RegionTwo) || die "authenticated GET /stacks on RegionTwo failed"
fi

# ------------------------------------------------------------ client files --
for who in admin demo; do
    pw=$ADMIN_PASSWORD; [ $who = demo ] && pw=$DEMO_PASSWORD
    cat > "$STATE/openrc-$who" <<EOF
export OS_AUTH_URL=$KS_URL
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=$who
export OS_PASSWORD=$pw
export OS_PROJECT_NAME=$who
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_INTERFACE=public
EOF
done
# clouds.yaml (openstacksdk format) so the openstack CLI and the studio's
# import can use the test cloud: OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml
cat > "$STATE/clouds.yaml" <<EOF2
clouds:
  studio-admin:
    auth:
      auth_url: $KS_URL
      username: admin
      password: $ADMIN_PASSWORD
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
  studio-demo:
    auth:
      auth_url: $KS_URL
      username: demo
      password: $DEMO_PASSWORD
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
EOF2

# cloud.json: what the integration tests and the benchmark read. Written last
# (atomically), so its presence means READY.
KS_URL=$KS_URL ADMIN_PASSWORD=$ADMIN_PASSWORD DEMO_PASSWORD=$DEMO_PASSWORD \
HEAT_URL_R1=$HEAT_URL_R1 HEAT_URL_R2=$HEAT_URL_R2 STATE=$STATE REGION2=$REGION2 MODE=$MODE \
COMPUTE_HOST=$COMPUTE_HOST $PY "$LAB_DIR/write-cloud-json.py" || die "could not write cloud.json"

log "READY"
cat <<EOF

  Keystone (identity v3) : $KS_URL
  Heat RegionOne         : $HEAT_URL_R1
  Heat RegionTwo         : ${HEAT_URL_R2:-<none>}  (mode: $REGION2)
  admin / $ADMIN_PASSWORD     project admin (Default domain, roles admin,member,reader,heat_stack_owner)
  demo  / $DEMO_PASSWORD      project demo  (Default domain, roles member,reader,heat_stack_owner)
$([ "$MODE" = full ] && cat <<EOT
  FULL cloud, RegionOne  : Nova http://$HOST:$NOVA_PORT/v2.1 (fake driver, host $COMPUTE_HOST), Neutron http://$HOST:$NEUTRON_PORT,
                           Cinder http://$HOST:$CINDER_PORT/v3/<project>, Glance http://$HOST:$GLANCE_PORT, Placement http://$HOST:$PLACEMENT_PORT
                           flavors m1.tiny m1.small, image tiny, external network public; templates: $LAB_DIR/full/templates/
EOT
)
  for tests              : $STATE/cloud.json
  openstack CLI          : . $STATE/openrc-demo   or   OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml OS_CLOUD=studio-demo
  logs                   : $STATE/log/  (heat.log, heat-r2.log, keystone.log, keystone-uwsgi.log)
  pids                   : $(cd "$STATE/pids" && for f in *.pid; do printf '%s=%s ' "${f%.pid}" "$(cat "$f")"; done)
  stop                   : npm run cloud:down   (bash $LAB_DIR/cloud-down.sh [--only heat|heat-r2] [--purge])
EOF
