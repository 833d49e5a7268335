#!/usr/bin/python3
"""Write $STATE/cloud.json, what the integration tests and benchmarks read
(test/integration/cloud/test-cloud.ts). cloud-up.sh runs it last, and it
writes atomically, so the file's presence means READY.

On the full cloud (MODE=full) it is also the final health check: as demo it
lists flavors (Nova), the `public` network (Neutron), volume types (Cinder)
and the `tiny` image (Glance) through the catalog's RegionOne endpoints,
retrying for up to 90 s, and records them with `"full": true`."""
import json
import os
import time
import urllib.request

E = os.environ


def auth(user, pw, project):
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "domain": {"name": "Default"}, "password": pw}}},
        "scope": {"project": {"name": project, "domain": {"name": "Default"}}}}}
    req = urllib.request.Request(E['KS_URL'] + '/auth/tokens', json.dumps(body).encode(),
                                 {'Content-Type': 'application/json'})
    r = urllib.request.urlopen(req, timeout=30)
    return r.headers['X-Subject-Token'], json.load(r)['token']


def get(url, tok):
    req = urllib.request.Request(url, headers={'X-Auth-Token': tok, 'Accept': 'application/json'})
    return json.load(urllib.request.urlopen(req, timeout=30))


users = {}
for who in ('admin', 'demo'):
    tok, t = auth(who, E[who.upper() + '_PASSWORD'], who)
    users[who] = {"username": who, "password": E[who.upper() + '_PASSWORD'], "userId": t['user']['id'],
                  "project": who, "projectId": t['project']['id']}


def full_facts():
    """The RegionOne endpoints of the full cloud, checked by real calls as demo."""
    tok, t = auth('demo', E['DEMO_PASSWORD'], 'demo')
    ep = {}
    for svc in t['catalog']:
        for e in svc['endpoints']:
            if e['interface'] == 'public' and e['region'] == 'RegionOne':
                ep[svc['type']] = e['url']
    pid = t['project']['id']
    endpoints = {"compute": ep['compute'], "network": ep['network'],
                 # the token's catalog has the project id filled in; keep the template
                 "volume": ep['volumev3'].replace(pid, '%(project_id)s'),
                 "image": ep['image'], "placement": ep['placement']}
    flavors = sorted(f['name'] for f in get(ep['compute'] + '/flavors', tok)['flavors'])
    nets = get(ep['network'] + '/v2.0/networks?name=public', tok)['networks']
    vol_types = get(ep['volumev3'] + '/types', tok)['volume_types']
    images = get(ep['image'] + '/v2/images?name=tiny', tok)['images']
    assert 'm1.tiny' in flavors and 'm1.small' in flavors, flavors
    assert nets and nets[0]['router:external'], nets
    assert images and images[0]['status'] == 'active', images
    return {"endpoints": endpoints, "flavors": flavors, "image": "tiny", "publicNetwork": "public",
            "publicNetworkId": nets[0]['id'], "volumeTypes": [v['name'] for v in vol_types],
            "computeHost": E.get('COMPUTE_HOST', '')}


full = E.get('MODE') == 'full'
facts = None
if full:
    deadline = time.time() + 90
    while True:
        try:
            facts = full_facts()
            break
        except Exception as err:  # an API may still be warming up
            if time.time() > deadline:
                raise SystemExit('full cloud health check failed: %r' % err)
            time.sleep(2)

pids = {}
for f in sorted(os.listdir(os.path.join(E['STATE'], 'pids'))):
    if f.endswith('.pid'):
        pids[f[:-4]] = int(open(os.path.join(E['STATE'], 'pids', f)).read().strip())
regions = {"RegionOne": E['HEAT_URL_R1']}
if E.get('HEAT_URL_R2'):
    regions["RegionTwo"] = E['HEAT_URL_R2']
doc = {"authUrl": E['KS_URL'], "domain": "Default", "interface": "public",
       "regions": regions, "region2Mode": E['REGION2'], "users": users,
       "stateDir": E['STATE'], "pids": pids,
       "heatProcesses": {"RegionOne": "heat", "RegionTwo": "heat-r2" if E['REGION2'] == 'separate' else None},
       "cloudsYaml": os.path.join(E['STATE'], 'clouds.yaml'),
       "openrc": {w: os.path.join(E['STATE'], 'openrc-' + w) for w in ('admin', 'demo')},
       "full": full}
if facts:
    doc.update(facts)
tmp = os.path.join(E['STATE'], 'cloud.json.tmp')
with open(tmp, 'w') as fh:
    json.dump(doc, fh, indent=2)
os.chmod(tmp, 0o600)
os.replace(tmp, os.path.join(E['STATE'], 'cloud.json'))
