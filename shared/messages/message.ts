// Messages as data: what main or shared/ tells a person crosses as a stable
// key with its parameters, and is worded at the edge (the renderer, the CLI,
// the native menu) in the reader's language. The English registry
// (shared/messages/en.ts) is the list of keys and the fallback text; the
// zh-CN table (shared/messages/zh-CN.ts) words the same keys in
// Chinese. A parameter may itself be a message (a diagnostic inside a status
// reason), worded in the same language.
import { messagesEn, type MessageKey } from './en';

export type MessageParam = string | number | Message;

export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

export type MessageTable = Readonly<Partial<Record<string, string>>>;

export type { MessageKey };

/** A message of the registry; `key` is checked against it at compile time. */
export function msg(key: MessageKey, params?: Record<string, MessageParam | undefined | null>): Message {
  if (!params) return { key };
  const clean: Record<string, MessageParam> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) clean[k] = v;
  return { key, params: clean };
}

export function isMessage(value: unknown): value is Message {
  if (!value || typeof value !== 'object') return false;
  const v = value as { key?: unknown; params?: unknown };
  return typeof v.key === 'string' && (v.params === undefined || (typeof v.params === 'object' && v.params !== null));
}

export interface Wording {
  /** The reader's table first; English fills what it lacks. */
  table: MessageTable;
  /** Numbers in parameters (counts, sizes) by the reader's locale; ids and line numbers are passed as strings. */
  number?: (n: number) => string;
  /** A time (`timeParam`) in the reader's locale and time zone; default: the ISO text in UTC. */
  time?: (iso: string) => string;
  /** A list (`listParam`) joined by the reader's conventions; default ", ". */
  list?: (items: string[]) => string;
}

const TIME = '@time';
const LIST = '@list';

/** A time parameter: worded by the reader (their locale and time zone), stored as ISO 8601. */
export function timeParam(iso: string): Message {
  return { key: TIME, params: { iso } };
}

/** A list parameter: each item (text or message) worded, then joined the reader's way. */
export function listParam(items: readonly MessageParam[]): Message {
  return { key: LIST, params: Object.fromEntries(items.map((v, i) => [String(i), v])) };
}

function utcText(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = at.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/**
 * Words a message: `{name}` is replaced by the parameter (a nested message
 * worded the same way); an unknown key reads as its English text if the
 * registry has one, else as the key itself with its parameters, so nothing
 * is ever blank.
 */
export function formatMessage(m: Message, wording: Wording = { table: messagesEn }): string {
  if (m.key === TIME) {
    const iso = String(m.params?.iso ?? '');
    return wording.time ? wording.time(iso) : utcText(iso);
  }
  if (m.key === LIST) {
    const items = Object.keys(m.params ?? {})
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => {
        const p = m.params![k]!;
        return typeof p === 'string' ? p : typeof p === 'number' ? String(p) : formatMessage(p, wording);
      });
    return wording.list ? wording.list(items) : items.join(', ');
  }
  const text = wording.table[m.key] ?? (messagesEn as MessageTable)[m.key];
  const params = m.params ?? {};
  const value = (p: MessageParam | undefined): string =>
    p === undefined ? '' : typeof p === 'string' ? p : typeof p === 'number' ? (wording.number ? wording.number(p) : String(p)) : formatMessage(p, wording);
  if (text === undefined) {
    const shown = Object.entries(params).map(([k, v]) => `${k}=${value(v)}`);
    return shown.length ? `${m.key} (${shown.join(', ')})` : m.key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? value(params[name]) : whole));
}

/** English, for logs, the error's own `message` and any reader without a table. */
export function englishText(m: Message): string {
  return formatMessage(m, { table: messagesEn });
}

/** The `{name}` placeholders a text uses, so a test can hold the tables to the same parameters. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))].sort();
}
