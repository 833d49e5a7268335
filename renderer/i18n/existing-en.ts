// English strings of existing cloud resources (merged into en.ts as `existing`):
// the palette's Existing tab, the inspector's read-only card and cloud pickers.
export const existingEn = {
  tabs: { system: 'New', existing: 'Existing' },
  noCloud: 'Choose a cloud on the Clouds screen to list what already exists in it.',
  loading: 'Reading…',
  refresh: 'Refresh',
  stale: 'Offline: the listing read {at}. {error}',
  dragHint: 'Drag onto the canvas: an existing resource comes with its existing parents, highlighted and read-only.',
  empty: 'None',
  subnet: 'subnet {name}: {cidr}',
  groups: { 'external-network': 'External networks', 'shared-network': 'Shared networks', 'private-network': 'Private networks', router: 'Routers' },
  kinds: { 'external-network': 'external network', 'shared-network': 'shared network', 'private-network': 'private network', router: 'router' },
  services: { compute: 'Nova (compute)', network: 'Neutron (network)', volume: 'Cinder (volume)', image: 'Glance (image)' },
  unavailable: '{service} is not offered by this cloud.',
  failed: '{service} could not be read: {message}',
  missing: 'missing',
  inspector: {
    title: 'Existing {kind}',
    readOnly: 'An existing cloud resource: read-only. The template references it by id through parameter {param}.',
    cloudName: 'Name',
    id: 'ID',
    parameter: 'Parameter',
    parent: 'Under',
    missing: 'It no longer exists in the cloud: deploying would fail. Delete it from the canvas or pick another.',
  },
  picker: {
    cloudValues: 'Values from {cloud}',
    viaParameter: 'Sets the default of parameter {param}',
    addSecurityGroup: 'Add a security group from the cloud',
    add: 'Add',
  },
  recheck: 'Re-check against the cloud',
} as const;
