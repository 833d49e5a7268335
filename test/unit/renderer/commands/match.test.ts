// The command palette's matcher and ranking (renderer/commands/match.ts).
import { describe, expect, it } from 'vitest';
import { matchItem, nameScore, pushRecent, rank, wordScore } from '../../../../renderer/commands/match';

const items = [
  { id: 'editor.alignRow', names: ['Align the selection in a row', '将所选资源横向对齐'] },
  { id: 'editor.alignColumn', names: ['Align the selection in a column', '将所选资源纵向对齐'] },
  { id: 'editor.add:server', names: ['Add Server', '添加云主机', 'OS::Nova::Server'] },
  { id: 'editor.add:type:OS::Nova::ServerGroup', names: ['Add a resource of type OS::Nova::ServerGroup', '添加类型为 OS::Nova::ServerGroup 的资源'] },
  { id: 'editor.add:floating-ip', names: ['Add Floating IP', '添加公网IP', 'OS::Neutron::FloatingIP'] },
  { id: 'global.language:zh-CN', names: ['Change language to 简体中文', '切换语言为简体中文', 'Chinese'] },
];

describe('the command matcher', () => {
  it('needs every character of a word, in order', () => {
    expect(wordScore('srv', 'Add Server')).not.toBeNull();
    expect(wordScore('vrs', 'Add Server')).toBeNull();
    expect(nameScore('add srv', 'Add Server')).not.toBeNull();
    expect(nameScore('add xyz', 'Add Server')).toBeNull();
  });

  it('prefers a substring at a word start to one inside a word, and to scattered letters', () => {
    expect(wordScore('serv', 'Add Server')!).toBeGreaterThan(wordScore('erve', 'Add Server')!);
    expect(wordScore('erve', 'Add Server')!).toBeGreaterThan(wordScore('sevr', 'Add Server')!);
  });

  it('matches the Chinese name whatever the UI language, and keywords', () => {
    expect(matchItem('云主机', items[2]!)?.name).toBe('添加云主机');
    expect(matchItem('公网', items[4]!)?.name).toBe('添加公网IP');
    expect(matchItem('chinese', items[5]!)?.name).toBe('Chinese');
    expect(matchItem('横向', items[0]!)).not.toBeNull();
    expect(matchItem('横向', items[1]!)).toBeNull();
  });

  it('ranks the better match first and the shorter name on a tie', () => {
    expect(
      rank(items, 'server', [])
        .map((r) => r.item.id)
        .slice(0, 2),
    ).toEqual(['editor.add:server', 'editor.add:type:OS::Nova::ServerGroup']);
    expect(rank(items, 'floating', [])[0]?.item.id).toBe('editor.add:floating-ip');
    expect(rank(items, 'zzz', [])).toEqual([]);
  });

  it('lists recent actions first without a query, and lifts them among equal matches', () => {
    const recent = ['editor.alignColumn', 'global.language:zh-CN'];
    expect(
      rank(items, '', recent)
        .map((r) => r.item.id)
        .slice(0, 3),
    ).toEqual(['editor.alignColumn', 'global.language:zh-CN', 'editor.alignRow']);
    expect(
      rank(items, 'align', [])
        .map((r) => r.item.id)
        .slice(0, 2),
    ).toEqual(['editor.alignRow', 'editor.alignColumn']);
    expect(
      rank(items, 'align', recent)
        .map((r) => r.item.id)
        .slice(0, 2),
    ).toEqual(['editor.alignColumn', 'editor.alignRow']);
    // A recent id that is no longer registered is skipped.
    expect(rank(items, '', ['gone'])[0]?.item.id).toBe('editor.alignRow');
  });

  it('keeps the recent list without duplicates, newest first, bounded', () => {
    expect(pushRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(pushRecent(['a', 'b'], 'c', 2)).toEqual(['c', 'a']);
  });
});
