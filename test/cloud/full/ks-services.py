#!/usr/bin/python3
"""Idempotently register the full cloud's services in Keystone (RegionOne).

Service users nova/neutron/cinder/glance/placement get the roles admin and
`service` on project service (heat gets `service` too). The `service` role is
required because every [keystone_authtoken] of the full cloud sets
service_token_roles_required = true (the OSSA-2023-003 / CVE-2023-2088 setup
Debian's patched Zed packages expect): a service token (nova -> neutron,
X-Service-Token) only counts with that role, else neutron answers 401 and nova
500 NeutronAdminCredentialConfigurationInvalid.

Catalog: compute, network, image, placement, and Cinder under both volumev3
(Heat 19 and Nova ask for it) and block-storage (newer SDKs), RegionOne only:
RegionTwo stays Heat-only on purpose (the sandbox environment is tested
there). Driven by environment variables exported by services.sh."""
import os

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

E = os.environ
H = E['HOST']
auth = v3.Password(auth_url=E['KS_URL'], username='admin', password=E['ADMIN_PASSWORD'],
                   user_domain_id='default', project_name='admin', project_domain_id='default')
ks = client.Client(session=session.Session(auth=auth), interface='public')
admin_role = ks.roles.list(name='admin')[0]
service_role = (ks.roles.list(name='service') or [ks.roles.create(name='service')])[0]
service_proj = ks.projects.list(name='service', domain='default')[0]
USERS = ('nova', 'neutron', 'cinder', 'glance', 'placement')
for name in USERS:
    pw = E[name.upper() + '_PASSWORD']
    found = ks.users.list(name=name, domain='default')
    if found:
        u = found[0]
        ks.users.update(u, password=pw, enabled=True)
    else:
        u = ks.users.create(name=name, domain='default', password=pw, default_project=service_proj)
    ks.roles.grant(admin_role, user=u, project=service_proj)
    ks.roles.grant(service_role, user=u, project=service_proj)
for u in ks.users.list(name='heat', domain='default'):
    ks.roles.grant(service_role, user=u, project=service_proj)

SERVICES = [  # name, type, url
    ('nova', 'compute', 'http://%s:%s/v2.1' % (H, E['NOVA_PORT'])),
    ('placement', 'placement', 'http://%s:%s' % (H, E['PLACEMENT_PORT'])),
    ('neutron', 'network', 'http://%s:%s' % (H, E['NEUTRON_PORT'])),
    ('glance', 'image', 'http://%s:%s' % (H, E['GLANCE_PORT'])),
    ('cinderv3', 'volumev3', 'http://%s:%s/v3/%%(project_id)s' % (H, E['CINDER_PORT'])),
    ('cinder', 'block-storage', 'http://%s:%s/v3/%%(project_id)s' % (H, E['CINDER_PORT'])),
]
for name, stype, url in SERVICES:
    svc = ks.services.list(type=stype)
    svc = svc[0] if svc else ks.services.create(name=name, type=stype, description=name)
    have = {e.interface: e for e in ks.endpoints.list(service=svc, region='RegionOne')}
    for iface in ('public', 'internal', 'admin'):
        if iface in have:
            if have[iface].url != url:
                ks.endpoints.update(have[iface], url=url)
        else:
            ks.endpoints.create(service=svc, url=url, interface=iface, region='RegionOne')
print('service users + catalog ok')
