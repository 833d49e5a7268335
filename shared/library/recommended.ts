// The seed's "system recommended templates" (SPEC 1.1 #2), seeded into the
// library on first run. Real HOT: they deploy on a cloud with Nova and Neutron,
// and on the Heat-only sandbox with its visible sandbox environment.

export interface RecommendedTemplate {
  systemKey: string;
  name: string;
  description: string;
  tags: string[];
  yaml: string;
}

const SHARED_NETWORK_SERVER = `heat_template_version: 2018-08-31

description: >
  One server on a shared network, serving through a virtual IP (VIP):
  share_net -> server_1. The VIP is a port of its own whose address the
  server's port may also answer for (allowed_address_pairs).

parameters:
  share_net:
    type: string
    label: Shared network
    description: Name or ID of the shared network the server joins.
    default: share_net
  image:
    type: string
    label: Image
    description: Name or ID of the image to boot from.
    default: cirros
  flavor:
    type: string
    label: Flavor
    description: Name or ID of the flavor.
    default: m1.small
  key_name:
    type: string
    label: Key pair
    description: Name of an SSH key pair (recommended over a password).
    default: default

resources:
  vip_port:
    type: OS::Neutron::Port
    properties:
      network: { get_param: share_net }

  server_1_port:
    type: OS::Neutron::Port
    properties:
      network: { get_param: share_net }
      allowed_address_pairs:
        - ip_address: { get_attr: [vip_port, fixed_ips, 0, ip_address] }

  server_1:
    type: OS::Nova::Server
    properties:
      image: { get_param: image }
      flavor: { get_param: flavor }
      key_name: { get_param: key_name }
      networks:
        - port: { get_resource: server_1_port }

outputs:
  vip_address:
    description: The virtual IP clients use.
    value: { get_attr: [vip_port, fixed_ips, 0, ip_address] }
  server_1_address:
    description: The server's own address on the shared network.
    value: { get_attr: [server_1, first_address] }
`;

const EXTERNAL_NETWORK_SERVER = `heat_template_version: 2018-08-31

description: >
  One server on a private network routed to an external network, reachable
  from outside through a floating IP.

parameters:
  external_network:
    type: string
    label: External network
    description: Name or ID of the external network that provides floating IPs.
    default: public
  private_cidr:
    type: string
    label: Private network address
    description: CIDR of the private subnet.
    default: 192.168.10.0/24
  image:
    type: string
    label: Image
    default: cirros
  flavor:
    type: string
    label: Flavor
    default: m1.small
  key_name:
    type: string
    label: Key pair
    description: Name of an SSH key pair (recommended over a password).
    default: default

resources:
  router_1:
    type: OS::Neutron::Router
    properties:
      external_gateway_info:
        network: { get_param: external_network }

  private_net_1:
    type: OS::Neutron::Net

  private_subnet_1:
    type: OS::Neutron::Subnet
    properties:
      network: { get_resource: private_net_1 }
      cidr: { get_param: private_cidr }

  router_1_interface:
    type: OS::Neutron::RouterInterface
    properties:
      router: { get_resource: router_1 }
      subnet: { get_resource: private_subnet_1 }

  server_1_port:
    type: OS::Neutron::Port
    properties:
      network: { get_resource: private_net_1 }
      fixed_ips:
        - subnet: { get_resource: private_subnet_1 }

  server_1:
    type: OS::Nova::Server
    properties:
      image: { get_param: image }
      flavor: { get_param: flavor }
      key_name: { get_param: key_name }
      networks:
        - port: { get_resource: server_1_port }

  server_1_floating_ip:
    type: OS::Neutron::FloatingIP
    depends_on: router_1_interface
    properties:
      floating_network: { get_param: external_network }
      port_id: { get_resource: server_1_port }

outputs:
  server_1_public_address:
    description: The floating IP that reaches the server from outside.
    value: { get_attr: [server_1_floating_ip, floating_ip_address] }
`;

export const RECOMMENDED_TEMPLATES: readonly RecommendedTemplate[] = [
  {
    systemKey: 'shared-network-server',
    name: 'Shared-network server',
    description: 'One server on a shared network, serving through a VIP (share_net -> server_1).',
    tags: [],
    yaml: SHARED_NETWORK_SERVER,
  },
  {
    systemKey: 'external-network-server',
    name: 'External-network server',
    description: 'One server on a private network routed to an external network, with a floating IP.',
    tags: [],
    yaml: EXTERNAL_NETWORK_SERVER,
  },
];

/** The first version of a blank template: the smallest HOT Heat accepts. */
export const BLANK_TEMPLATE = `heat_template_version: 2018-08-31

description: ''

resources: {}
`;
