import { describe, expect, it } from 'vitest';
import { displayName, freeName } from '../../../../renderer/library/display-name';

const t = (key: string, named?: Record<string, unknown>) =>
  key === 'recommendedTemplates.shared.name' ? '共享网络云主机' : `${key}${named ? JSON.stringify(named) : ''}`;
const te = (key: string) => key === 'recommendedTemplates.shared.name';

describe('display names', () => {
  it('shows a recommended template in the UI language and a user template as written', () => {
    expect(displayName(t, te, { name: 'Shared-network server', systemKey: 'shared' })).toBe('共享网络云主机');
    expect(displayName(t, te, { name: 'mine', systemKey: null })).toBe('mine');
  });

  it('numbers a copy whose name is taken as main numbers an import: (2), (3)…', () => {
    expect(freeName('web（副本）', new Set())).toBe('web（副本）');
    expect(freeName('web（副本）', new Set(['web（副本）']))).toBe('web（副本） (2)');
    expect(freeName('web（副本）', new Set(['web（副本）', 'web（副本） (2)']))).toBe('web（副本） (3)');
  });
});
