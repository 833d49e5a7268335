// HOT templates the integration tests deploy for real: only resource types
// that run without Nova/Neutron/Cinder (RandomString, TestResource, Value,
// None, ResourceGroup, nested templates), plus one real topology that needs
// the sandbox environment.
import type { HeatClient } from '../../../main/cloud/heat-client';
import type { StackDetails, StackRef } from '../../../shared/cloud/heat-types';

export const SMALL = `heat_template_version: 2018-08-31
parameters:
  length: {type: number, default: 8, constraints: [{range: {min: 4, max: 64}}]}
resources:
  rand:
    type: OS::Heat::RandomString
    properties: {length: {get_param: length}}
  nothing:
    type: OS::Heat::None
outputs:
  value: {value: {get_attr: [rand, value]}}
`;

export function waiting(seconds: number, fail = false): string {
  return `heat_template_version: 2018-08-31
resources:
  ok:
    type: OS::Heat::RandomString
  slow:
    type: OS::Heat::TestResource
    properties: {wait_secs: ${seconds}, fail: ${fail}, value: slow}
    depends_on: ok
`;
}

export const NESTED_CHILD = `heat_template_version: 2018-08-31
parameters:
  length: {type: number, default: 8}
resources:
  inner_rand:
    type: OS::Heat::RandomString
    properties: {length: {get_param: length}}
  inner_val:
    type: OS::Heat::Value
    properties:
      value: {list_join: ['-', ['nested', {get_attr: [inner_rand, value]}]]}
outputs:
  joined: {value: {get_attr: [inner_val, value]}}
`;

export const NESTED_PARENT = `heat_template_version: 2018-08-31
parameters:
  count: {type: number, default: 2}
resources:
  child:
    type: nested.yaml
    properties: {length: 12}
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: {get_param: count}
      resource_def: {type: OS::Heat::RandomString}
outputs:
  joined: {value: {get_attr: [child, joined]}}
`;

/** The seed's "shared-network server": Nova + Neutron, deployable only with the sandbox environment. */
export const TOPOLOGY = `heat_template_version: 2018-08-31
resources:
  share_net:
    type: OS::Neutron::Net
    properties: {name: share_net, shared: true}
  subnet:
    type: OS::Neutron::Subnet
    properties: {network: {get_resource: share_net}, cidr: 192.168.10.0/24}
  server_1:
    type: OS::Nova::Server
    properties:
      image: cirros
      flavor: m1.tiny
      networks: [{network: {get_resource: share_net}}]
  volume:
    type: OS::Cinder::Volume
    properties: {size: 1}
`;

/** Polls a stack until it leaves *_IN_PROGRESS: Heat offers no push, so tests wait the way clients do. */
export async function settle(heat: HeatClient, ref: StackRef, timeoutMs = 120_000): Promise<StackDetails> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stack = await heat.show(ref);
    if (!stack.stack_status.endsWith('_IN_PROGRESS')) return stack;
    if (Date.now() > deadline) throw new Error(`${ref.name} still ${stack.stack_status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Waits until a stack is gone (DELETE_COMPLETE or 404). */
export async function gone(heat: HeatClient, ref: StackRef, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const stack = await heat.show(ref);
      if (!stack.stack_status.endsWith('_IN_PROGRESS')) return stack.stack_status;
    } catch (err) {
      if ((err as { code?: string }).code === 'NOT_FOUND') return 'NOT_FOUND';
      throw err;
    }
    if (Date.now() > deadline) throw new Error(`${ref.name} not deleted after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
