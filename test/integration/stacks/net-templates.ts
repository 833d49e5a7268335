// The templates the in-use (seed 5.2) and blocked-delete (seed 8.1) tests share.

/** A network with a subnet: what another deployment or a stray port can stand on. */
export const netStack = (cidr: string) => `heat_template_version: 2018-08-31
resources:
  net: {type: OS::Neutron::Net}
  subnet:
    type: OS::Neutron::Subnet
    properties: {network: {get_resource: net}, cidr: ${cidr}}
`;

/** A port on an existing network, marked the way the studio's canvas writes it (shared/topology/existing.ts). */
export const markerUser = (netId: string) => `heat_template_version: 2018-08-31
parameters:
  existing_net_a:
    type: string
    label: Existing private network a
    default: ${netId}
    constraints:
      - custom_constraint: neutron.network
    tags: [heat-studio:existing=private-network, heat-studio:name=a]
resources:
  port:
    type: OS::Neutron::Port
    properties: {network: {get_param: existing_net_a}}
`;
