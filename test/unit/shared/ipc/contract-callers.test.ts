// Every channel of the contract has a caller: the renderer, or (for the few
// the UI does not call) a test or bench that goes through the browser host or
// the dispatcher. A channel nobody calls is surface to keep safe for nothing,
// so it leaves the contract with its handler (issue 21). Creating or updating
// a stack goes through deploy.* only, where quota and rule 7 are judged first.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../../shared/ipc/contract';
import { channelsUsed, rendererSources } from '../../../support/renderer-scan';

const THIS_FILE = 'contract-callers.test.ts';

describe('the contract', () => {
  it('has no channel that neither the renderer nor a test or bench calls', () => {
    const used = new Set([
      ...channelsUsed(rendererSources('renderer'), CHANNEL_NAMES),
      ...channelsUsed(
        rendererSources('test').filter((s) => !s.file.endsWith(THIS_FILE)),
        CHANNEL_NAMES,
      ),
    ]);
    expect(CHANNEL_NAMES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('offers no stack create or update that skips the deploy flow (quota, rule 7)', () => {
    const names: readonly string[] = CHANNEL_NAMES;
    expect(names).toContain('deploy.create');
    expect(names).toContain('deploy.update');
    expect(names.filter((c) => /^cloud\.stacks\.(create|update)$/.test(c))).toEqual([]);
  });
});
