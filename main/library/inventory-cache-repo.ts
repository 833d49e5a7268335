// The last inventory read per profile, project and region (migration 8).
// A save replaces the row with a complete read; a failed read never touches
// it, so offline the last good listing is still there (served stale).
import type { Inventory } from '../../shared/existing/inventory';
import type { Db } from './database';

export interface InventoryKey {
  profileId: string;
  /** The project as the profile names it (id, else name): known offline, unlike the token's id. */
  project: string;
  region: string;
}

export class InventoryCacheRepo {
  constructor(private readonly db: Db) {}

  save(key: InventoryKey, inventory: Inventory, fetchedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO cloud_inventory (profile_id, project, region, inventory, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(profile_id, project, region) DO UPDATE SET inventory = excluded.inventory, fetched_at = excluded.fetched_at`,
      )
      .run(key.profileId, key.project, key.region, JSON.stringify(inventory), fetchedAt);
  }

  get(key: InventoryKey): { inventory: Inventory; fetchedAt: string } | null {
    const row = this.db
      .prepare('SELECT inventory, fetched_at FROM cloud_inventory WHERE profile_id = ? AND project = ? AND region = ?')
      .get(key.profileId, key.project, key.region) as { inventory: string; fetched_at: string } | undefined;
    return row ? { inventory: JSON.parse(row.inventory) as Inventory, fetchedAt: row.fetched_at } : null;
  }
}
