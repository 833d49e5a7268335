// heat-studio validate | graph | bundle: the shared HOT engine over local files.
// Exit codes: 0 clean, 1 errors found, 2 usage problems.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../../shared/hot/bundle';
import type { Diagnostic } from '../../shared/hot/diagnostics';
import { sortDiagnostics } from '../../shared/hot/diagnostics';
import { buildGraph, graphToDot } from '../../shared/hot/graph';
import { nestedRefs, validateProject } from '../../shared/hot/project';
import type { FileSource } from '../../shared/hot/project';
import { MAX_PARSE_BYTES } from '../../shared/hot/load';
import { parseEnvironment } from '../../shared/hot/environment';
import { toJunit, toSarif } from './report-formats';
import { checkEnvironmentFiles, templateTree } from './template-tree';
import { texts } from '../../shared/hot/diagnostics';
import { isMessage, listParam, msg, type Message } from '../../shared/messages/message';
import { localeFromSystem, wordMessage, type UiLocale } from '../../shared/messages/word';
import { AppError } from '../../shared/ipc/errors';

// Text output speaks English, or Chinese with --lang zh-CN or a Chinese
// locale (LC_ALL, LC_MESSAGES, LANG = zh_CN.UTF-8). JSON, SARIF and JUnit
// keep English messages (scripts and CI read them); their codes are stable.

/** Reads files as UTF-8, reporting bytes that are not UTF-8 instead of guessing. */
export const diskSource: FileSource & { problems: Diagnostic[] } = {
  problems: [],
  read(p: string) {
    const file = readRegularFile(p);
    if (file === undefined) return undefined;
    if (file === 'not-regular') {
      this.problems.push({ file: p, line: 1, column: 1, severity: 'error', code: 'not-a-file', ...texts(msg('cli.notRegular', { path: p })) });
      return undefined;
    }
    if (file === 'too-large') return 'x'.repeat(MAX_PARSE_BYTES + 1);
    const bytes = file;
    if (bytes.length > MAX_PARSE_BYTES) return 'x'.repeat(MAX_PARSE_BYTES + 1);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      let line = 1;
      let col = 1;
      const bad = findInvalidUtf8(bytes);
      for (let i = 0; i < bad; i++) {
        if (bytes[i] === 10) {
          line += 1;
          col = 1;
        } else col++;
      }
      this.problems.push({
        file: p,
        line,
        column: col,
        severity: 'error',
        code: 'not-utf8',
        ...texts(msg('cli.notUtf8', { byte: (bytes[bad] ?? 0).toString(16), offset: String(bad) }), msg('cli.notUtf8Hint')),
      });
      return '';
    }
  },
};

/**
 * A regular file's bytes; never blocks on a FIFO or device. stat before
 * opening keeps us from opening one at all; opening non-blocking and checking
 * the opened descriptor again closes the gap where the path is swapped for a
 * FIFO in between. Over the parse limit, the file is not read at all.
 */
function readRegularFile(p: string): Buffer | 'not-regular' | 'too-large' | undefined {
  let fd: number;
  try {
    if (!statSync(p).isFile()) return 'not-regular';
    fd = openSync(p, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'not-regular';
    if (st.size > MAX_PARSE_BYTES) return 'too-large';
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Offset of the first byte that breaks UTF-8 (lead/continuation rules). */
function findInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}

const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  envs: string[];
  files: string[];
  json: boolean;
  dot: boolean;
  format?: Format;
  lang?: UiLocale;
}

function parseArgs(argv: string[]): Args | Message {
  const a: Args = { envs: [], files: [], json: false, dot: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i] as string;
    if (x === '-e' || x === '--environment') {
      const v = argv[++i];
      if (!v) return msg('cli.needsFile', { option: x });
      a.envs.push(v);
    } else if (x === '--format' || x.startsWith('--format=')) {
      const v = x === '--format' ? argv[++i] : x.slice('--format='.length);
      if (!v || !(FORMATS as readonly string[]).includes(v)) return msg('cli.formatValues', { formats: listParam(FORMATS) });
      a.format = v as Format;
    } else if (x === '--lang' || x.startsWith('--lang=')) {
      const v = x === '--lang' ? argv[++i] : x.slice('--lang='.length);
      if (!v) return msg('cli.needsValue', { option: '--lang' });
      if (v !== 'en' && v !== 'zh-CN') return msg('cli.unknownLang', { lang: v });
      a.lang = v;
    } else if (x === '--json') a.json = true;
    else if (x === '--dot') a.dot = true;
    else if (x.startsWith('-')) return msg('cli.unknownOption', { option: x });
    else a.files.push(x);
  }
  return a;
}

const norm = (p: string) => path.resolve(p).split(path.sep).join('/');

/** The language of the text output: --lang, else the locale the shell sets (POSIX order: LC_ALL, LC_MESSAGES, LANG). */
function outputLocale(lang: UiLocale | undefined, env: NodeJS.ProcessEnv): UiLocale {
  return lang ?? localeFromSystem(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [cmd, ...rest] = argv;
  const args = parseArgs(rest);
  // A bad --lang still gets its refusal in the shell's language.
  const word = (m: Message) => wordMessage(m, outputLocale(isMessage(args) ? undefined : args.lang, env));
  const usage = word(msg('cli.usage'));
  if (!cmd || isMessage(args) || args.files.length === 0 || !['validate', 'graph', 'bundle'].includes(cmd)) {
    err(`${isMessage(args) ? `heat-studio: ${word(args)}\n` : ''}${usage}\n`);
    return 2;
  }
  if (cmd !== 'validate' && args.format) {
    err(`heat-studio: ${word(msg('cli.formatForValidate'))}\n${usage}\n`);
    return 2;
  }
  if (cmd === 'validate' && args.format && args.json && args.format !== 'json') {
    err(`heat-studio: ${word(msg('cli.formatDisagrees', { format: args.format }))}\n${usage}\n`);
    return 2;
  }
  if (cmd !== 'validate' && args.files.length !== 1) {
    err(`${word(msg('cli.oneFile', { command: cmd }))}\n${usage}\n`);
    return 2;
  }
  const line = (d: Diagnostic) => diagnosticLine(d, word);
  diskSource.problems.length = 0;
  if (cmd === 'validate') return validate(args, out, err, line, word);
  const file = norm(args.files[0] as string);
  if (cmd === 'graph') {
    const result = validateProject(file, args.envs.map(norm), diskSource);
    const errors = [...result.template.loadDiagnostics, ...diskSource.problems].filter((d) => d.severity === 'error');
    if (errors.length || !result.template.root) {
      for (const d of errors) err(line(d));
      return 1;
    }
    const nested = new Map(nestedRefs(result.template, result.environment).map((r) => [r.resource, r.path]));
    const g = buildGraph(result.template, (name) => nested.get(name));
    if (args.dot) out(graphToDot(g));
    else if (args.json) out(JSON.stringify(g, null, 2) + '\n');
    else {
      for (const n of g.nodes) out(`${n.id} (${n.type})${n.nested ? ` ${word(msg('cli.contains', { path: n.nested }))}` : ''}\n`);
      for (const e of g.edges) out(`${e.from} -> ${e.to} [${e.kind}${e.path ? ` ${e.path}` : ''}]\n`);
    }
    return 0;
  }
  const { bundle, diagnostics } = buildBundle(file, args.envs.map(norm), diskSource);
  const errors = [...diagnostics, ...diskSource.problems].filter((d) => d.severity === 'error');
  for (const d of errors) err(line(d));
  if (!bundle || errors.length) return 1;
  out(JSON.stringify(bundle, null, 2) + '\n');
  return 0;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const TOOL_VERSION = (() => {
  try {
    return (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

/** One diagnostic as a text line, `file:line:col: severity [code] message (hint)`, worded in the output language. */
function diagnosticLine(d: Diagnostic, word: (m: Message) => string): string {
  const text = d.msg ? word(d.msg) : d.message;
  const hint = d.hintMsg ? word(d.hintMsg) : d.hint;
  return `${d.file}:${d.line}:${d.column}: ${word(msg(`cli.severity.${d.severity}`))} [${d.code}] ${hint ? word(msg('cli.withHint', { text, hint })) : text}\n`;
}

function validate(args: Args, out: (s: string) => void, err: (s: string) => void, line: (d: Diagnostic) => string, word: (m: Message) => string): number {
  const all: Diagnostic[] = [];
  const validated = new Set<string>();
  const envs = args.envs.map(norm);
  const project = (entry: string, root: string) => {
    const result = validateProject(entry, envs, diskSource, { root });
    all.push(...result.diagnostics);
    for (const f of result.templates.keys()) validated.add(f);
  };
  for (const f of args.files) {
    const target = norm(f);
    if (!isFolder(target)) {
      // get_file may read only below the template's folder, as in `bundle`.
      project(target, path.posix.dirname(target));
      validated.add(target);
      continue;
    }
    let tree;
    try {
      tree = templateTree(target, (p) => diskSource.read(p));
    } catch (e) {
      err(`heat-studio: ${e instanceof AppError && e.msg ? word(e.msg) : (e as Error).message}\n`);
      return 2;
    }
    // Inside a folder, get_file may read anywhere below the folder given.
    for (const entry of tree.entries) project(entry, target);
    for (const env of tree.environments) {
      validated.add(env);
      all.push(
        ...checkEnvironmentFiles(
          env,
          diskSource.read(env) ?? '',
          (p) => statSync(p, { throwIfNoEntry: false })?.isFile() === true,
          (text, file) => parseEnvironment(text, file).diagnostics,
        ),
      );
    }
    if (tree.entries.length === 0 && tree.environments.length === 0) {
      all.push({
        file: target,
        line: 0,
        column: 0,
        severity: 'error',
        code: 'no-templates',
        ...texts(msg('hot.no-templates', { path: f }), msg('hot.no-templates.hint')),
      });
    }
  }
  // a file we could not decode gets the decoding diagnostic only
  const undecodable = new Set(diskSource.problems.map((d) => d.file));
  const seen = new Set<string>();
  const unique = [...all.filter((d) => !undecodable.has(d.file)), ...diskSource.problems].filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.code, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const cwd = norm('.') + '/';
  const local = (file: string) => (file.startsWith(cwd) ? file.slice(cwd.length) : file);
  const diags = sortDiagnostics(unique.map((d) => ({ ...d, file: local(d.file) })));
  const format: Format = args.format ?? (args.json ? 'json' : 'text');
  const report = { diagnostics: diags, files: [...validated].map(local), baseDir: norm('.'), toolVersion: TOOL_VERSION };
  if (format === 'json')
    out(
      JSON.stringify(
        diags.map(({ file, line, column, severity, code, message, hint }) => ({ file, line, column, severity, code, message, ...(hint ? { hint } : {}) })),
        null,
        2,
      ) + '\n',
    );
  else if (format === 'sarif') out(JSON.stringify(toSarif(report), null, 2) + '\n');
  else if (format === 'junit') out(toJunit(report));
  else for (const d of diags) out(line(d));
  return diags.some((d) => d.severity === 'error') ? 1 : 0;
}
