import type { InventoryService } from '../existing/inventory-service';
import type { DomainHandlers } from './dispatcher';

export function existingHandlers(inventory: InventoryService): DomainHandlers<'existing'> {
  return {
    'existing.inventory': (req) => inventory.inventory(req.profileId),
  };
}
