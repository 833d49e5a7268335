import { z } from 'zod';
import { channel } from './define';
import type { Fetched } from '../cloud/heat-types';
import type { Inventory } from '../existing/inventory';
import type { ChoiceList } from '../existing/choices';

// existing.*: what already exists in the cloud of a profile (SPEC 1.5): the
// palette's "Existing" tab and the inspector's pickers. Rule 7's
// re-validation runs in sync.recheck (with a profile) and before deploy.create.
const id = z.string().min(1).max(128);

/** A key pair the studio uploaded; `privateKey` only when the studio generated it (given once, never stored). */
export interface CreatedKeyPair {
  name: string;
  fingerprint: string;
  publicKey: string;
  privateKey: string | null;
}

export const existingChannels = {
  /** The profile's inventory: live, or the last one read (stale, with why) when the cloud cannot be reached. */
  'existing.inventory': channel(z.object({ profileId: id })).returns<Fetched<Inventory>>(),
  /** The deploy form's pickers: one list per custom_constraint (glance.image, nova.flavor ...), read live; each failure is its own entry. */
  'existing.choices': channel(z.object({ profileId: id, constraints: z.array(z.string().min(1).max(64)).max(32) })).returns<ChoiceList[]>(),
  /**
   * A new key pair in the profile's project: `generate` makes one here
   * (Nova 2.92+ no longer does) and uploads its public key, answering the
   * private key once; `import` uploads a pasted OpenSSH public key.
   */
  'existing.createKeyPair': channel(
    z.discriminatedUnion('mode', [
      z.object({ profileId: id, name: z.string().min(1).max(255), mode: z.literal('generate'), algorithm: z.enum(['ed25519', 'rsa']) }),
      z.object({ profileId: id, name: z.string().min(1).max(255), mode: z.literal('import'), publicKey: z.string().min(1).max(16384) }),
    ]),
  ).returns<CreatedKeyPair>(),
} as const;
