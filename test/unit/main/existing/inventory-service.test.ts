// The inventory service's decisions that need no cloud: a sandbox profile is
// never re-validated (its resources are OS::Heat::None placeholders), and
// nothing is read from the cloud for it.
import { describe, expect, it } from 'vitest';
import { InventoryService } from '../../../../main/existing/inventory-service';
import type { InventoryCacheRepo } from '../../../../main/library/inventory-cache-repo';
import { emptyProfileFields } from '../../../../shared/cloud/profile';

const files = {
  entryPath: 'template.yaml',
  yaml: 'heat_template_version: 2018-08-31\nresources:\n  s: {type: OS::Nova::Server, properties: {image: gone, flavor: gone}}\n',
  files: {},
  environment: null,
};

function service(sandbox: boolean) {
  const reads: string[] = [];
  const profiles = {
    get: (id: string) => ({
      ...emptyProfileFields('p', 'http://127.0.0.1:5000/v3'),
      id,
      sandbox,
      source: 'manual',
      hasSecret: true,
      createdAt: '',
      updatedAt: '',
    }),
    connection: (id: string) => {
      reads.push(id);
      throw new Error('no cloud in a unit test');
    },
  };
  return { svc: new InventoryService(profiles as never, {} as InventoryCacheRepo), reads };
}

describe('InventoryService.revalidate', () => {
  it('skips a sandbox profile without reading the cloud', async () => {
    const { svc, reads } = service(true);
    await expect(svc.revalidate('p1', files)).resolves.toEqual([]);
    expect(reads).toEqual([]);
  });
  it('reads the cloud live for a real profile', async () => {
    const { svc, reads } = service(false);
    await expect(svc.revalidate('p1', files)).rejects.toThrow('no cloud in a unit test');
    expect(reads).toEqual(['p1']);
  });
});
