import { z } from 'zod';
import { channel } from './define';
import type { Fetched } from '../cloud/heat-types';
import type { Inventory } from '../existing/inventory';

// existing.*: what already exists in the cloud of a profile (SPEC 1.5): the
// palette's "Existing" tab and the inspector's pickers. Rule 7's
// re-validation runs in sync.recheck (with a profile) and before deploy.create.
const id = z.string().min(1).max(128);

export const existingChannels = {
  /** The profile's inventory: live, or the last one read (stale, with why) when the cloud cannot be reached. */
  'existing.inventory': channel(z.object({ profileId: id })).returns<Fetched<Inventory>>(),
} as const;
