#!/usr/bin/python3
"""Idempotently create the full cloud's shared objects via openstacksdk (admin):
flavors m1.tiny / m1.small, the 1 KiB raw image `tiny` (public) and the
shared external flat network `public` (203.0.113.0/24, TEST-NET-3, no DHCP;
nothing is ever routed: there is no L3 agent). Run by services.sh."""
import os
import time

import openstack

E = os.environ
conn = openstack.connect(auth_url=E['KS_URL'], username='admin', password=E['ADMIN_PASSWORD'],
                         project_name='admin', user_domain_name='Default',
                         project_domain_name='Default', region_name='RegionOne')
for name, ram, vcpus, disk in (('m1.tiny', 512, 1, 1), ('m1.small', 2048, 1, 20)):
    if not conn.compute.find_flavor(name):
        conn.compute.create_flavor(name=name, ram=ram, vcpus=vcpus, disk=disk, is_public=True)
if not conn.image.find_image('tiny'):
    img = conn.image.create_image(name='tiny', disk_format='raw', container_format='bare',
                                  visibility='public', data=b'\0' * 1024)
    for _ in range(60):
        if conn.image.get_image(img.id).status == 'active':
            break
        time.sleep(0.5)
net = conn.network.find_network('public')
if not net:
    net = conn.network.create_network(name='public', is_router_external=True, is_shared=False,
                                      provider_network_type='flat', provider_physical_network='public')
if not list(conn.network.subnets(network_id=net.id)):
    conn.network.create_subnet(network_id=net.id, name='public-subnet', ip_version=4,
                               cidr='203.0.113.0/24', gateway_ip='203.0.113.1', enable_dhcp=False,
                               allocation_pools=[{'start': '203.0.113.10', 'end': '203.0.113.250'}])
print('flavors, image "tiny", network "public" ok')
