// The validator's findings in the two formats CI systems read: SARIF 2.1.0
// (GitHub code scanning, GitLab, Azure DevOps, any SARIF viewer) and JUnit
// XML (Jenkins, GitLab test reports, most CI dashboards). Pure functions over
// the same diagnostics the text and JSON outputs print.
import type { Diagnostic } from '../../shared/hot/diagnostics';

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  /** Every file that was validated (relative to `baseDir` when inside it), clean ones included. */
  files: readonly string[];
  /** Absolute POSIX path relative paths are relative to (the working folder). */
  baseDir: string;
  toolVersion: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: `file://${encodePath(file)}` };
  if (/^[A-Za-z]:\//.test(file)) return { uri: `file:///${file.slice(0, 2)}${encodePath(file.slice(2))}` };
  return { uri: encodePath(file), uriBaseId: 'SRCROOT' };
}

function baseUri(dir: string): string {
  const d = dir.endsWith('/') ? dir : `${dir}/`;
  return /^[A-Za-z]:\//.test(d) ? `file:///${d.slice(0, 2)}${encodePath(d.slice(2))}` : `file://${encodePath(d)}`;
}

export function toSarif(input: ReportInput): object {
  const ruleIds = [...new Set(input.diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const severityOf = new Map<string, Diagnostic['severity']>();
  for (const d of input.diagnostics) if (!severityOf.has(d.code) || d.severity === 'error') severityOf.set(d.code, d.severity);
  const artifacts = [...new Set([...input.files, ...input.diagnostics.map((d) => d.file)])].sort();
  const artifactIndex = new Map(artifacts.map((f, i) => [f, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'heat-studio',
            fullName: 'Heat Studio offline HOT validator',
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: id.replace(/-/g, ' ') },
              defaultConfiguration: { level: LEVEL[severityOf.get(id) ?? 'warning'] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: baseUri(input.baseDir) } },
        // Columns count UTF-16 code units, as the validator's offsets do.
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts.map((f) => ({ location: artifactLocation(f) })),
        results: input.diagnostics.map((d) => {
          const region =
            d.line > 0
              ? {
                  startLine: d.line,
                  ...(d.column > 0 ? { startColumn: d.column } : {}),
                  ...(d.endLine && d.endLine >= d.line ? { endLine: d.endLine } : {}),
                  ...(d.endColumn && d.endColumn > 0 && d.column > 0 && (d.endLine !== d.line || d.endColumn >= d.column) ? { endColumn: d.endColumn } : {}),
                }
              : undefined;
          return {
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code),
            level: LEVEL[d.severity],
            message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...artifactLocation(d.file), index: artifactIndex.get(d.file) },
                  ...(region ? { region } : {}),
                },
              },
            ],
          };
        }),
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
}

/** Text safe inside XML 1.0 content and attributes (characters XML forbids become U+FFFD). */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}${d.hint ? ` (${d.hint})` : ''}`;

/** One test case per validated file: failed when it has an error, warnings and notes in its output. */
export function toJunit(input: ReportInput): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of input.files) byFile.set(f, []);
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const files = [...byFile.keys()].sort();
  let failures = 0;
  const cases = files.map((file) => {
    const diags = byFile.get(file) ?? [];
    const errors = diags.filter((d) => d.severity === 'error');
    const rest = diags.filter((d) => d.severity !== 'error');
    const parts: string[] = [];
    if (errors.length) {
      failures++;
      const first = errors[0] as Diagnostic;
      const summary = `${errors.length} error${errors.length === 1 ? '' : 's'}; first: [${first.code}] ${first.message}`;
      parts.push(`      <failure message="${xmlText(summary)}" type="${xmlText(first.code)}">${xmlText(errors.map(line).join('\n'))}</failure>`);
    }
    if (rest.length) parts.push(`      <system-out>${xmlText(rest.map(line).join('\n'))}</system-out>`);
    const open = `    <testcase classname="heat-studio.validate" name="${xmlText(file)}" file="${xmlText(file)}"`;
    return parts.length ? `${open}>\n${parts.join('\n')}\n    </testcase>` : `${open}/>`;
  });
  const counts = `tests="${files.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="heat-studio validate" ${counts}>`,
    `  <testsuite name="heat-studio validate" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
