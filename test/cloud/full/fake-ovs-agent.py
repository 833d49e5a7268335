#!/usr/bin/python3
"""fake-ovs-agent CONF HOST [--once]

Stands in for neutron-openvswitch-agent on HOST, through the agent RPC that
the real agent uses (no Open vSwitch, no kernel, no root helper):
  * report_state every 30 s: ML2's openvswitch mechanism driver binds a port
    only to a host with a live "Open vSwitch agent" (vif_type ovs);
  * every 2 s, ports bound to HOST that are DOWN (compute:* owners) are
    reported up with get_devices_details_list + update_device_list, as the
    real agent does after wiring them, so they go ACTIVE and neutron sends
    network-vif-plugged to nova.
--once: register (one report_state) and exit.

Why not a real agent: the OVS and linuxbridge agents need kernel datapaths,
bridges and root helpers; neutron's `test`/`fake_agent` mechanism drivers bind
only magic host names or still need an agent row (../shared/os-lab/NOTES.md).
Always send the full `configurations` dict: an empty one overwrites the
agent's bridge_mappings and binding then fails. If this loop stops, new ports
fail to bind after agent_down_time (75 s), exactly like a dead agent.
Started by test/cloud/full/services.sh with Debian's /usr/bin/python3."""
import configparser
import os
import sys
import time

from oslo_config import cfg
from neutron.agent import rpc as agent_rpc
from neutron.common import config as common_config
from neutron.conf.agent import common as agent_conf
from neutron_lib.agent import topics
from neutron_lib import context

conf, host = sys.argv[1], sys.argv[2]
once = '--once' in sys.argv
agent_conf.register_agent_state_opts_helper(cfg.CONF)
common_config.register_common_config_options()
common_config.init(['--config-file', conf])
ctx = context.get_admin_context_without_session()
state_rpc = agent_rpc.PluginReportStateAPI(topics.REPORTS)
state = {
    'binary': 'neutron-openvswitch-agent', 'host': host, 'topic': 'N/A',
    'agent_type': 'Open vSwitch agent', 'start_flag': True,
    'configurations': {
        'bridge_mappings': {'public': 'br-ex'}, 'tunnel_types': ['vxlan'],
        'tunneling_ip': '127.0.0.1', 'integration_bridge': 'br-int',
        'l2_population': False, 'arp_responder_enabled': False,
        'enable_distributed_routing': False, 'datapath_type': 'system',
        'ovs_hybrid_plug': False,
        'ovs_capabilities': {'datapath_types': ['system'], 'iface_types': ['internal', 'vxlan']},
        'extensions': [], 'devices': 0, 'in_distributed_mode': False,
        'baremetal_smartnic': False, 'resource_provider_bandwidths': {},
        'resource_provider_inventory_defaults': {}, 'log_agent_heartbeats': False},
}
print('report_state ->', state_rpc.report_state(ctx, state, use_call=True), flush=True)
state.pop('start_flag')
if once:
    os._exit(0)   # else the interpreter waits ~10 s for oslo.messaging's threads

import openstack  # noqa: E402  (only the loop needs it)
ini = configparser.RawConfigParser()
ini.read(conf)
a = dict(ini.items('keystone_authtoken'))
net = openstack.connect(auth_url=a['auth_url'], username=a['username'], password=a['password'],
                        project_name=a['project_name'], user_domain_name=a['user_domain_name'],
                        project_domain_name=a['project_domain_name'],
                        region_name=a.get('region_name', 'RegionOne')).network
plugin_rpc = agent_rpc.PluginApi(topics.PLUGIN)
agent_id = 'ovs-agent-%s' % host
last = time.time()
while True:
    try:
        if time.time() - last >= 30:
            state_rpc.report_state(ctx, state, use_call=True)
            last = time.time()
        ids = [p.id for p in net.ports(**{'binding:host_id': host, 'status': 'DOWN'})
               if (p.device_owner or '').startswith('compute:')]
        if ids:
            plugin_rpc.get_devices_details_list(ctx, ids, agent_id, host)
            plugin_rpc.update_device_list(ctx, ids, [], agent_id, host)
            print('up:', ' '.join(ids), flush=True)
    except Exception as e:  # keep going, like an agent would
        print('error: %r' % e, flush=True)
    time.sleep(2)
