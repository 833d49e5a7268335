# shellcheck shell=bash
# full/configs.sh - writes the configuration of the full cloud's services into
# $STATE/etc (sourced by cloud-up.sh --full; adapted from
# ../shared/os-lab/start-os.sh). Nothing under /etc is touched: the Debian
# -common packages only provide api-paste.ini, rootwrap and policies.
# Needs: STATE HOST KS_URL DEBUG RABBIT_URL MYSQL_SOCK and the *_PORT / *_PASSWORD
# variables set by full/services.sh.

# db_url USER DBNAME: MariaDB on its unix socket (no TCP port at all).
# SQLite is not an option for nova/neutron/cinder/placement: several writer
# processes fail at once with "database is locked" under concurrent stacks, and
# neutron's migrations do not run on SQLite (os-lab pitfalls 1, 2).
db_url() { local pw="${1^^}_PASSWORD"; echo "mysql+pymysql://$1:${!pw}@localhost/$2?unix_socket=$MYSQL_SOCK&charset=utf8"; }

# [keystone_authtoken] of a service. service_token_roles_required: see
# full/ks-services.py (the `service` role).
authtoken() {  # USER PASSWORD
cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $2
region_name = RegionOne
service_token_roles_required = true
EOF
}
# a keystoneauth section for service-to-service calls
svcauth() {  # SECTION USER PASSWORD
cat <<EOF
[$1]
auth_type = password
auth_url = $KS_URL
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $3
region_name = RegionOne
valid_interfaces = public
EOF
}

write_full_configs() {
mkdir -p "$STATE"/{rabbitmq,nova/instances,nova/lock,neutron/lock,cinder/lock,glance/images,glance/staging,glance/tasks,etc/placement,mysql}

# ---- RabbitMQ: AMQP, epmd and erlang distribution on loopback only
cat > "$STATE/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.1 = $HOST:$RABBIT_PORT
loopback_users.guest = true
log.file.level = warning
EOF
echo '[].' > "$STATE/rabbitmq/enabled_plugins"

# ---- Placement (uwsgi)
{ cat <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
log_file = placement.log
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement placement)
EOF
authtoken placement "$PLACEMENT_PASSWORD"; } > "$STATE/etc/placement/placement.conf"
cat > "$STATE/etc/placement-uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = $HOST:$PLACEMENT_PORT
wsgi-file = /usr/bin/placement-api
env = OS_PLACEMENT_CONFIG_DIR=$STATE/etc/placement
master = true
processes = 1
threads = 4
enable-threads = true
lazy-apps = true
die-on-term = true
buffer-size = 65535
add-header = Connection: close
logto = $STATE/log/placement-uwsgi.log
EOF

# ---- Glance (file store, SQLite in WAL mode: one writer process is fine)
{ cat <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
log_file = glance-api.log
bind_host = $HOST
bind_port = $GLANCE_PORT
workers = 1
enabled_backends = fs:file
image_cache_dir = $STATE/glance/cache
[database]
connection = sqlite:///$STATE/glance.sqlite
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $STATE/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $STATE/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $STATE/glance/tasks
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[oslo_messaging_notifications]
driver = noop
[oslo_concurrency]
lock_path = $STATE/glance
EOF
authtoken glance "$GLANCE_PASSWORD"; } > "$STATE/etc/glance-api.conf"

# ---- Nova (fake virt driver: servers go ACTIVE, nothing boots)
{ cat <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
state_path = $STATE/nova
instances_path = $STATE/nova/instances
host = $COMPUTE_HOST
my_ip = $HOST
my_block_storage_ip = $HOST
compute_driver = fake.FakeDriver
transport_url = $RABBIT_URL
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = $NOVA_PORT
osapi_compute_workers = 1
metadata_listen = $HOST
graceful_shutdown_timeout = 5
# no hypervisor, and the fake OVS agent is not a real one: never wait for
# network-vif-plugged
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
rootwrap_config = /etc/nova/rootwrap.conf
allow_resize_to_same_host = true
heal_instance_info_cache_interval = -1
[api]
auth_strategy = keystone
[api_database]
connection = $(db_url nova nova_api)
[database]
connection = $(db_url nova nova)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 30
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[vnc]
enabled = false
[spice]
enabled = false
[oslo_concurrency]
lock_path = $STATE/nova/lock
[oslo_messaging_notifications]
driver = noop
[glance]
region_name = RegionOne
valid_interfaces = public
[cinder]
os_region_name = RegionOne
catalog_info = volumev3::publicURL
EOF
authtoken nova "$NOVA_PASSWORD"
svcauth placement nova "$NOVA_PASSWORD"
svcauth neutron nova "$NOVA_PASSWORD"
echo "service_metadata_proxy = false"
svcauth service_user nova "$NOVA_PASSWORD"
echo "send_service_user_token = true"
} > "$STATE/etc/nova.conf"
# nova-compute must not have DB credentials (else "No DB access allowed in
# nova-compute" tracebacks): the same file minus the connection lines
sed '/^connection = /d' "$STATE/etc/nova.conf" > "$STATE/etc/nova-compute.conf"

# ---- Neutron (ML2 + openvswitch mechanism driver; the only agent is
# full/fake-ovs-agent.py, heartbeat every 30 s)
{ cat <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
log_file = neutron-server.log
state_path = $STATE/neutron
bind_host = $HOST
bind_port = $NEUTRON_PORT
core_plugin = ml2
# qos: the seed's public IP with a bandwidth (3.1) is a QoS policy + bandwidth-limit
# rule on the floating IP (qos-fip comes with the router plugin once qos is loaded)
service_plugins = router,qos
auth_strategy = keystone
transport_url = $RABBIT_URL
api_paste_config = /etc/neutron/api-paste.ini
api_workers = 0
rpc_workers = 1
rpc_state_report_workers = 0
agent_down_time = 75
allow_overlapping_ips = true
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
router_distributed = false
l3_ha = false
graceful_shutdown_timeout = 5
[database]
connection = $(db_url neutron neutron)
[oslo_concurrency]
lock_path = $STATE/neutron/lock
[oslo_messaging_notifications]
driver = noop
[agent]
root_helper =
[ml2]
type_drivers = flat,vlan,vxlan,local
tenant_network_types = vxlan
mechanism_drivers = openvswitch
extension_drivers = port_security,qos
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = public
[ml2_type_vxlan]
vni_ranges = 1:10000
[securitygroup]
enable_security_group = true
EOF
authtoken neutron "$NEUTRON_PASSWORD"
svcauth nova neutron "$NEUTRON_PASSWORD"
} > "$STATE/etc/neutron.conf"

# ---- Cinder (FakeLoggingVolumeDriver from python3-cinder's test tree: an
# LVM subclass whose execute() is a no-op, infinite capacity, iscsi
# connection info that nova's fake driver accepts; no LVM/iSCSI/kernel)
{ cat <<EOF
[DEFAULT]
debug = $DEBUG
log_dir = $STATE/log
state_path = $STATE/cinder
host = heat-studio-volume
my_ip = $HOST
transport_url = $RABBIT_URL
auth_strategy = keystone
osapi_volume_listen = $HOST
osapi_volume_listen_port = $CINDER_PORT
osapi_volume_workers = 1
api_paste_config = /etc/cinder/api-paste.ini
enabled_backends = fake
graceful_shutdown_timeout = 5
rootwrap_config = /etc/cinder/rootwrap.conf
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
[database]
connection = $(db_url cinder cinder)
[oslo_concurrency]
lock_path = $STATE/cinder/lock
[oslo_messaging_notifications]
driver = noop
[coordination]
backend_url = file://$STATE/cinder
EOF
authtoken cinder "$CINDER_PASSWORD"
svcauth nova cinder "$CINDER_PASSWORD"
} > "$STATE/etc/cinder.conf"
}
