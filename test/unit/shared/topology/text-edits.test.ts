// Values the canvas writes are rendered as people write HOT: a one-key map
// named after one of the catalog's functions is a call in flow style.
import { describe, expect, it } from 'vitest';
import { renderBlock } from '../../../../shared/topology/text-edits';

describe('renderBlock', () => {
  it('writes every catalog function as a flow call, and other one-key maps as blocks', () => {
    expect(renderBlock({ network: { get_param: 'public' } }, 0)).toBe('network: { get_param: public }');
    expect(renderBlock({ metadata: { resource_facade: 'metadata' } }, 2)).toBe('  metadata: { resource_facade: metadata }');
    expect(renderBlock({ gateway: { network: 'public' } }, 0)).toBe('gateway:\n  network: public');
  });
});
