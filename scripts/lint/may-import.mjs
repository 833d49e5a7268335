// ESLint rule `local/may-import`: a folder's README says what its files may
// import ("May import: `shared/`, `main/cloud`, `node:*`. Never Electron.");
// this rule reads that sentence and refuses any other import, so the README
// stays the one place the boundary is written. A file is governed by the
// nearest README above it with such a line; its own folder is always allowed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const cache = new Map();

/** The backticked names of the "May import" sentence (up to its first full stop outside backticks), or null. */
export function mayImportList(readme) {
  const start = readme.search(/May import:?\s/);
  if (start < 0) return null;
  const text = readme.slice(start);
  let inTick = false;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') inTick = !inTick;
    else if (!inTick && text[i] === '.' && /\s/.test(text[i + 1] ?? ' ')) {
      end = i;
      break;
    }
  }
  return [...text.slice(0, end).matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** The governing folder (relative to the repository) and its allowed names for a file, or null when no README speaks. */
function boundaryOf(file) {
  for (let dir = dirname(file); dir.startsWith(root + sep); dir = dirname(dir)) {
    if (cache.has(dir)) {
      if (cache.get(dir)) return cache.get(dir);
      continue;
    }
    const readme = join(dir, 'README.md');
    const list = existsSync(readme) ? mayImportList(readFileSync(readme, 'utf8')) : null;
    const folder = relative(root, dir).split(sep).join('/');
    const boundary = list && {
      folder,
      allowed: list.map((name) =>
        name.startsWith('../') || name === '..' ? relative(root, resolve(dir, name)).split(sep).join('/') : name.replace(/\/$/, ''),
      ),
    };
    cache.set(dir, boundary);
    if (boundary) return boundary;
  }
  return null;
}

const withoutExtension = (p) => p.replace(/\.(ts|js|mjs|vue|json)$/, '');
const within = (path, prefix) => path === prefix || path.startsWith(prefix + '/');

function allowed(boundary, file, spec) {
  if (spec.startsWith('.')) {
    const target = withoutExtension(
      relative(root, resolve(dirname(file), spec))
        .split(sep)
        .join('/'),
    );
    if (within(target, boundary.folder)) return true;
    return boundary.allowed.some((name) => within(target, withoutExtension(name)));
  }
  if (spec.startsWith('node:')) return boundary.allowed.includes('node:*') || boundary.allowed.includes(spec);
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  return boundary.allowed.includes(pkg);
}

export const mayImport = {
  meta: { type: 'problem', schema: [], messages: { refused: "{{folder}}/README.md's \"May import\" line does not list '{{spec}}'." } },
  create(context) {
    const file = context.filename;
    const boundary = boundaryOf(file);
    if (!boundary) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || allowed(boundary, file, spec)) return;
      context.report({ node: node.source, messageId: 'refused', data: { folder: boundary.folder, spec } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
