// Agreement with the real Heat: our offline verdict (valid = no error
// diagnostic) against Heat 19's POST /validate on the test cloud, for every
// corpus HOT template and for mutants of a deterministic sample of them.
//
// How the comparison is kept honest:
// - The body sent is the one buildBundle builds (heatclient's: nested
//   templates and get_file targets in `files`, environments in
//   `environment_files`). The corpus keeps only YAML, so a missing script
//   read by get_file is sent as a placeholder; a template whose nested
//   template is missing from the corpus cannot be judged by either side and
//   is counted as "incomplete", not compared.
// - The test cloud has Heat and Keystone only. Every type it does not list
//   (service namespaces, OS::TripleO::* custom types, typos) is mapped to
//   OS::Heat::None in one extra environment, and our validator gets the very
//   same environment. OS::Heat::None accepts any property, so neither side
//   checks those resources' properties: what is compared is what Heat still
//   checks offline (sections, versions, functions and their references,
//   conditions, parameters and defaults, outputs, dependencies, and the
//   properties of the OS::Heat::* / AWS::* types Heat serves).
// - /validate runs with strict_validate=False: it checks property *names*
//   but not values, required properties or constraints, and never opens a
//   nested template. We check values too (Heat refuses them at create), so
//   a template we refuse for a value is an allow-listed difference, each
//   confirmed by asking Heat for a create preview, which validates strictly.
//   Errors inside nested templates are left out of the entry's verdict
//   (each corpus template is judged as an entry of its own as well).
// - /validate evaluates conditions, so a parameter with no default that a
//   condition reads gets a plain value (as `-P name=...` would give it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../main/cloud/connection';
import { applyEdit } from '../../../shared/hot/edits';
import { buildGraph } from '../../../shared/hot/graph';
import { parseTemplate } from '../../../shared/hot/template';
import { corpusSource, manifest, readCorpus } from '../../unit/shared/hot/corpus-helpers';
import { connect, loadTestCloud } from '../cloud/test-cloud';
import { EXTRA_ENV, heatVerdict, ourVerdict, overlay, pool, typesUsed, unavailableTypesEnvironment } from './agreement-support';
import type { HeatAnswer } from './agreement-support';

/**
 * Templates where Heat's /validate accepts what we refuse, each with the
 * reason and a way to make Heat itself refuse it (checked below).
 */
const ALLOWED: Record<string, { reason: string; confirm: { preview?: true; parameters?: Record<string, unknown> } }> = {
  'heat-templates/hot/software-config/example-templates/example-chef-template.yaml': {
    reason:
      'StructuredConfig "config" is given a list where Heat wants a map: /validate checks property names only (strict_validate=False); a create refuses the value',
    confirm: { preview: true },
  },
  'tripleo-heat-templates/deployment/cephadm/ceph-mgr.yaml': {
    reason:
      'an `if` names the undefined condition key_size_override_unset inside the branch of `if: [internal_tls_enabled, ...]` that Heat drops at parse time with the defaults CephEnableDashboard=EnableInternalTLS=false (If is a macro); with both true Heat refuses it',
    confirm: { parameters: { CephEnableDashboard: true, EnableInternalTLS: true } },
  },
  'tripleo-heat-templates/deployment/cephadm/ceph-rgw.yaml': {
    reason: 'the same latent undefined condition key_size_override_unset, reached only with CephEnableDashboard and EnableInternalTLS true',
    confirm: { parameters: { CephEnableDashboard: true, EnableInternalTLS: true } },
  },
};

/** Functions a later HOT version added, with arguments Heat accepts. */
const NEW_FUNCTIONS: [string, unknown][] = [
  ['list_concat', [['a'], ['b']]],
  ['contains', ['a', ['a', 'b']]],
  ['filter', [['a'], ['a', 'b']]],
  ['make_url', { scheme: 'http', host: 'example.com' }],
];

type Kind = 'corpus' | 'removed referenced resource' | 'function too new for the version' | 'unknown top-level section';

interface Row {
  path: string;
  kind: Kind;
  ours: boolean;
  heat: HeatAnswer;
  codes: string[];
}

let conn: Connection;
let available: Set<string>;
const rows: Row[] = [];
const incomplete: string[] = [];
const templates = manifest().filter((e) => e.kind === 'template');

beforeAll(async () => {
  // RegionTwo: its own heat-all, which no other integration test stops.
  conn = connect(loadTestCloud(), 'demo', { region: 'RegionTwo' });
  const types = (await conn.heat.resourceTypes()) as ({ resource_type: string } | string)[];
  available = new Set(types.map((t) => (typeof t === 'string' ? t : t.resource_type)));
});

afterAll(() => conn?.dispose());

async function judge(path: string, kind: Kind, mutant?: string): Promise<Row | 'incomplete'> {
  const missing = new Set<string>();
  const files = new Map<string, string>();
  if (mutant !== undefined) files.set(path, mutant);
  const env = unavailableTypesEnvironment(typesUsed(path, [], overlay(corpusSource, files, missing)), available);
  files.set(EXTRA_ENV, env);
  const source = overlay(corpusSource, files, missing);
  const ours = ourVerdict(path, [EXTRA_ENV], source);
  const heat = await heatVerdict(conn.heat, path, [EXTRA_ENV], source);
  if (missing.size) return 'incomplete';
  return { path, kind, ours: ours.valid, heat, codes: [...new Set(ours.errors.map((d) => d.code))] };
}

/** The template without a resource another one reads with get_resource/get_attr. */
function removalMutant(path: string): string | undefined {
  const t = parseTemplate(readCorpus(path), path);
  const edge = buildGraph(t).edges.find((e) => e.kind !== 'depends_on' && e.from !== e.to);
  return edge ? applyEdit(t, { op: 'removeResource', name: edge.to }).text : undefined;
}

function mutants(path: string): [Kind, string][] {
  const text = readCorpus(path);
  const t = parseTemplate(text, path);
  const out: [Kind, string][] = [];
  const info = t.version_info;
  const fn = info && NEW_FUNCTIONS.find(([name]) => !info.functions.includes(name));
  if (fn)
    out.push(['function too new for the version', applyEdit(t, { op: 'set', path: ['outputs', 'studio_mutant'], value: { value: { [fn[0]]: fn[1] } } }).text]);
  out.push(['unknown top-level section', applyEdit(t, { op: 'set', path: ['studio_layout'], value: { x: 1 } }).text]);
  return out;
}

function table(): string {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const lines = ['kind                              | compared | agree | disagree (allow-listed) | both valid | both invalid'];
  for (const k of kinds) {
    const rs = rows.filter((r) => r.kind === k);
    const agree = rs.filter((r) => r.ours === r.heat.valid);
    const allowed = rs.filter((r) => r.ours !== r.heat.valid && ALLOWED[r.path]).length;
    lines.push(
      `${k.padEnd(34)}| ${String(rs.length).padStart(8)} | ${String(agree.length).padStart(5)} | ${`${rs.length - agree.length} (${allowed})`.padStart(23)} | ${String(agree.filter((r) => r.ours).length).padStart(10)} | ${String(agree.filter((r) => !r.ours).length).padStart(12)}`,
    );
  }
  const bothInvalid = rows.filter((r) => r.kind === 'corpus' && !r.ours && !r.heat.valid).map((r) => `  both invalid: ${r.path} (${r.codes.join(', ')})`);
  lines.push(...bothInvalid);
  lines.push(`incomplete corpus projects (a nested template not in the corpus): ${incomplete.length}`);
  return lines.join('\n');
}

describe('agreement with Heat POST /validate', () => {
  it('matches Heat on every corpus template but the explained allow-list', { timeout: 600_000 }, async () => {
    const results = await pool(templates, 4, (e) => judge(e.path, 'corpus'));
    results.forEach((r, i) => (r === 'incomplete' ? incomplete.push(templates[i]?.path ?? '') : rows.push(r)));
    const disagree = rows.filter((r) => r.kind === 'corpus' && r.ours !== r.heat.valid);
    console.log(table());
    for (const r of disagree)
      console.log(
        `DIFFERS ${r.path}: ours ${r.ours ? 'valid' : `invalid (${r.codes.join(', ')})`}, Heat ${r.heat.valid ? 'valid' : `invalid: ${r.heat.message ?? ''}`}${ALLOWED[r.path] ? ` -- allowed: ${ALLOWED[r.path]?.reason ?? ''}` : ''}`,
      );
    expect(templates.length).toBe(359);
    expect(rows.length + incomplete.length).toBe(359);
    expect(incomplete.length).toBeLessThan(40);
    expect(disagree.map((r) => r.path).sort()).toEqual(Object.keys(ALLOWED).sort());
    // Every allowed difference is one where we are stricter than /validate.
    for (const r of disagree) expect(r.ours).toBe(false);
  });

  it('sees Heat itself refuse each allow-listed template once it validates strictly or takes the other branch', { timeout: 300_000 }, async () => {
    for (const [path, { confirm }] of Object.entries(ALLOWED)) {
      const env = unavailableTypesEnvironment(typesUsed(path, [], corpusSource), available);
      const source = overlay(corpusSource, new Map([[EXTRA_ENV, env]]));
      if (confirm.parameters) {
        const answer = await heatVerdict(conn.heat, path, [EXTRA_ENV], source, confirm.parameters);
        expect(answer.valid, path).toBe(false);
        continue;
      }
      const answer = await heatVerdict(conn.heat, path, [EXTRA_ENV], source, {}, true);
      console.log(`preview of ${path}: ${answer.message ?? 'accepted'}`);
      const refused = answer.message ?? '';
      expect(refused, path).toMatch(/Property error|must be a map|not a map/i);
    }
  });

  it(
    'matches Heat on every mutant: a removed referenced resource (all templates), a too-new function and an unknown section (a sample of at least 100)',
    { timeout: 600_000 },
    async () => {
      // Every third template in manifest order, plus every one we judge invalid.
      const invalid = new Set(rows.filter((r) => r.kind === 'corpus' && !r.ours).map((r) => r.path));
      const sample = templates.filter((e, i) => (i % 3 === 0 || invalid.has(e.path)) && !incomplete.includes(e.path));
      expect(sample.length).toBeGreaterThanOrEqual(100);
      const jobs = sample.flatMap((e) => mutants(e.path).map(([kind, text]) => ({ path: e.path, kind, text })));
      // Removal mutants for every comparable template that has a reference to break.
      for (const e of templates) {
        const text = incomplete.includes(e.path) ? undefined : removalMutant(e.path);
        if (text !== undefined) jobs.push({ path: e.path, kind: 'removed referenced resource', text });
      }
      const results = await pool(jobs, 4, (j) => judge(j.path, j.kind, j.text));
      for (const r of results) if (r !== 'incomplete') rows.push(r);
      console.log(table());
      // A mutant of an allow-listed template keeps that template's difference.
      const differs = rows.filter((r) => r.kind !== 'corpus' && r.ours !== r.heat.valid && !(ALLOWED[r.path] && !r.ours && r.heat.valid));
      for (const r of differs)
        console.log(
          `MUTANT DIFFERS ${r.kind} ${r.path}: ours ${r.ours ? 'valid' : `invalid (${r.codes.join(', ')})`}, Heat ${r.heat.valid ? 'valid' : `invalid: ${r.heat.message ?? ''}`}`,
        );
      expect(differs.map((r) => `${r.kind}: ${r.path}`)).toEqual([]);
      // The mutants of a kind meant to break a template do break it.
      expect(rows.filter((r) => r.kind === 'unknown top-level section').every((r) => !r.heat.valid)).toBe(true);
      expect(rows.filter((r) => r.kind === 'removed referenced resource').every((r) => !r.heat.valid)).toBe(true);
      expect(rows.filter((r) => r.kind === 'removed referenced resource').length).toBeGreaterThan(50);
    },
  );
});
