import type { HeatEvent, HeatResource } from '../../../../shared/cloud/heat-types';

export const TOP = 'top-id';
let n = 0;
export function ev(
  resource: string,
  status: string,
  time: string,
  opts: { stack?: string; physical?: string | null; reason?: string; id?: string } = {},
): HeatEvent {
  const stack = opts.stack ?? TOP;
  return {
    id: opts.id ?? `e${++n}`,
    event_time: `2025-01-01T00:00:${time}`,
    resource_name: resource,
    logical_resource_id: resource,
    physical_resource_id: opts.physical ?? null,
    resource_status: status,
    resource_status_reason: opts.reason ?? null,
    links: [{ rel: 'stack', href: `http://h/v1/p/stacks/s/${stack}` }],
  };
}

export function res(name: string, status: string, opts: { stack?: string; physical?: string; requiredBy?: string[]; type?: string } = {}): HeatResource {
  return {
    resource_name: name,
    logical_resource_id: name,
    physical_resource_id: opts.physical ?? `${name}-pid`,
    resource_type: opts.type ?? 'OS::Heat::TestResource',
    resource_status: status,
    resource_status_reason: null,
    required_by: opts.requiredBy ?? [],
    creation_time: null,
    updated_time: null,
    links: [{ rel: 'stack', href: `http://h/v1/p/stacks/s/${opts.stack ?? TOP}` }],
  };
}
