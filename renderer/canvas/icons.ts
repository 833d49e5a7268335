// Node icons by kind as small SVG data URIs (the CSP allows data: images;
// no font or emoji needed, so they look the same on every desktop).
import type { Kind } from '../../shared/topology/kinds';

const S = 'fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';
const text = (t: string) =>
  `<text x="12" y="16" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="${t.length > 2 ? 7.5 : 10}" font-weight="bold" fill="#fff">${t}</text>`;

const PATHS: Record<Kind, string> = {
  'external-network': `<g ${S}><circle cx="12" cy="12" r="8"/><path d="M4 12h16M12 4c3 3 3 13 0 16M12 4c-3 3-3 13 0 16"/></g>`,
  'shared-network': `<g ${S}><path d="M3 12h18"/><circle cx="6" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="18" cy="12" r="2"/><path d="M12 5v5M12 14v5"/></g>`,
  router: `<g ${S}><circle cx="12" cy="12" r="8"/><path d="M8 10h8l-2-2M16 14H8l2 2"/></g>`,
  'private-network': `<g ${S}><path d="M3 12h18M6 12v5M12 12v5M18 12v5"/><circle cx="12" cy="7" r="2"/></g>`,
  subnet: `<g ${S}><path d="M4 8h16M4 16h16M8 8v8M16 8v8"/></g>`,
  'router-interface': `<g ${S}><circle cx="12" cy="12" r="4"/></g>`,
  'floating-ip': `<g ${S}><circle cx="12" cy="12" r="9"/></g>${text('IP')}`,
  'floating-ip-association': `<g ${S}><circle cx="12" cy="12" r="4"/></g>`,
  port: `<g ${S}><rect x="7" y="7" width="10" height="10" rx="2"/></g>`,
  'security-group': `<g ${S}><path d="M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6z"/></g>`,
  server: `<g ${S}><rect x="5" y="4" width="14" height="6" rx="1"/><rect x="5" y="14" width="14" height="6" rx="1"/><path d="M8 7h.01M8 17h.01"/></g>`,
  volume: `<g ${S}><ellipse cx="12" cy="6" rx="7" ry="3"/><path d="M5 6v12c0 1.7 3 3 7 3s7-1.3 7-3V6"/></g>`,
  'volume-attachment': `<g ${S}><circle cx="12" cy="12" r="4"/></g>`,
  'key-pair': `<g ${S}><circle cx="8" cy="12" r="4"/><path d="M12 12h9M18 12v3M21 12v2"/></g>`,
  loadbalancer: `<g ${S}><path d="M12 4v6M12 10L5 18M12 10l7 8M12 10v8"/><circle cx="12" cy="4" r="1.5"/></g>`,
  listener: text('L'),
  pool: text('POOL'),
  member: text('M'),
  'health-monitor': `<g ${S}><path d="M3 12h4l2-5 4 10 2-5h6"/></g>`,
  nested: `<g ${S}><rect x="4" y="4" width="16" height="16" rx="2"/><rect x="8" y="8" width="8" height="8" rx="1"/></g>`,
  other: `<g ${S}><path d="M12 4l8 8-8 8-8-8z"/></g>`,
};

/** The icon's drawing (inside a 24 x 24 viewBox), for pictures that add to it (the live topology's status badge). */
export function iconMarkup(kind: Kind): string {
  return PATHS[kind];
}

const cache = new Map<Kind, string>();

export function iconUri(kind: Kind): string {
  let uri = cache.get(kind);
  if (!uri) {
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">${PATHS[kind]}</svg>`)}`;
    cache.set(kind, uri);
  }
  return uri;
}
