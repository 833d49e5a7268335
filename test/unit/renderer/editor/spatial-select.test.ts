import { describe, expect, it } from 'vitest';
import { nearestInDirection } from '../../../../renderer/editor/spatial-select';

// A router above a network, a server below it with a volume to its right and a port to its left.
const POS = {
  router: { x: 100, y: 0 },
  net: { x: 100, y: 100 },
  server: { x: 100, y: 200 },
  volume: { x: 220, y: 210 },
  port: { x: -20, y: 190 },
};

describe('nearestInDirection', () => {
  it('moves to the nearest node the arrow points at', () => {
    expect(nearestInDirection(POS, 'net', 'down')).toBe('server');
    expect(nearestInDirection(POS, 'net', 'up')).toBe('router');
    expect(nearestInDirection(POS, 'server', 'right')).toBe('volume');
    expect(nearestInDirection(POS, 'server', 'left')).toBe('port');
  });
  it('ignores nodes more than 45° off the arrow, and stays put when none is left', () => {
    // From the port, the net (up 90, right 120) is more to the right than up: the router is "up".
    expect(nearestInDirection(POS, 'port', 'up')).toBe('router');
    expect(nearestInDirection(POS, 'volume', 'right')).toBeNull();
    expect(nearestInDirection(POS, 'router', 'up')).toBeNull();
  });
  it('prefers the node straight ahead over one equally far to the side', () => {
    const pos = { a: { x: 0, y: 0 }, ahead: { x: 100, y: 0 }, side: { x: 90, y: 40 } };
    expect(nearestInDirection(pos, 'a', 'right')).toBe('ahead');
  });
  it('starts at the top-left node when nothing is selected', () => {
    expect(nearestInDirection(POS, null, 'down')).toBe('router');
    expect(nearestInDirection({}, null, 'down')).toBeNull();
  });
});
