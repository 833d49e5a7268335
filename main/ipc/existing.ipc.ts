import type { InventoryService } from '../existing/inventory-service';
import type { DomainHandlers } from './dispatcher';

export function existingHandlers(inventory: InventoryService): DomainHandlers<'existing'> {
  return {
    'existing.inventory': (req) => inventory.inventory(req.profileId),
    'existing.choices': (req) => inventory.choices(req.profileId, req.constraints),
    'existing.createKeyPair': (req) =>
      inventory.createKeyPair(
        req.profileId,
        req.name,
        req.mode === 'generate' ? { mode: 'generate', algorithm: req.algorithm } : { mode: 'import', publicKey: req.publicKey },
      ),
  };
}
