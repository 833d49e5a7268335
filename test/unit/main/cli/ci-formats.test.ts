// `heat-studio validate --format sarif|junit` over folders, as a team's CI
// runs it: the SARIF checked against the SARIF 2.1.0 schema (the one
// @microsoft/jest-sarif ships) with ajv, the JUnit XML parsed by expat
// (Python's standard XML parser) so a malformed document fails the test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = path.resolve(root, '../shared/corpus');
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin/heat-studio.mjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    originalUriBaseIds: { SRCROOT: { uri: string } };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } } }[];
    }[];
  }[];
}

function sarifValidator() {
  // The shipped schema is draft-04 (`id`, not `$id`); ajv 8 reads it once the
  // top-level keyword is renamed. Its patterns are not Unicode-mode regular
  // expressions (one has a lone `]`), so ajv compiles them without the u flag.
  // Formats (uri) are not checked by ajv; the URIs are parsed below.
  const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  return ajv.compile({ ...rest, $id: id as string });
}

/** Parses XML with expat; returns a summary of the JUnit document or throws with the parser's message. */
function parseJunit(xml: string): { tests: number; failures: number; cases: { name: string; failure?: string; out?: string }[] } {
  const py = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
suite = root.find('testsuite')
cases = [{'name': c.get('name'), 'failure': (c.find('failure').text if c.find('failure') is not None else None), 'out': (c.find('system-out').text if c.find('system-out') is not None else None)} for c in suite.findall('testcase')]
print(json.dumps({'root': root.tag, 'tests': int(root.get('tests')), 'failures': int(root.get('failures')), 'suiteTests': int(suite.get('tests')), 'cases': cases}))
`;
  const r = spawnSync('python3', ['-c', py], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as {
    root: string;
    tests: number;
    failures: number;
    suiteTests: number;
    cases: { name: string; failure: string | null; out: string | null }[];
  };
  expect(parsed.root).toBe('testsuites');
  expect(parsed.suiteTests).toBe(parsed.tests);
  return {
    tests: parsed.tests,
    failures: parsed.failures,
    cases: parsed.cases.map((c) => ({ name: c.name, ...(c.failure ? { failure: c.failure } : {}), ...(c.out ? { out: c.out } : {}) })),
  };
}

describe('heat-studio validate for CI: folders, SARIF and JUnit', () => {
  const validate = sarifValidator();
  const tmp = { path: mkdtempSync(path.join(tmpdir(), 'hs-cli-ci-')), cleanup: () => rmSync(tmp.path, { recursive: true, force: true }) };
  let repo = '';

  beforeAll(() => {
    repo = path.join(tmp.path, 'repo');
    mkdirSync(path.join(repo, 'lib'), { recursive: true });
    mkdirSync(path.join(repo, 'env'), { recursive: true });
    mkdirSync(path.join(repo, 'scripts'), { recursive: true });
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    // The entry: named like nothing in particular, found by its content.
    writeFileSync(
      path.join(repo, 'stack.txt.yaml'),
      `heat_template_version: 2018-08-31
parameters:
  size: {type: number, default: 1}
resources:
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: {get_param: size}
      resource_def:
        type: lib/member.yaml
        properties: {index: "%index%"}
  boot:
    type: OS::Heat::SoftwareConfig
    properties:
      config: {get_file: scripts/boot.sh}
`,
    );
    // Nested: validated through the entry (which does not pass "name": a warning on the entry); its unknown property is an error located in the nested file.
    writeFileSync(
      path.join(repo, 'lib/member.yaml'),
      `heat_template_version: 2018-08-31
parameters:
  index: {type: string}
  name: {type: string}
resources:
  net:
    type: OS::Neutron::Net
    properties: {name: {get_param: name}, bogus: 1}
`,
    );
    writeFileSync(path.join(repo, 'scripts/boot.sh'), '#!/bin/sh\necho hi & <done>\n');
    // An environment whose registry names a file that is not there.
    writeFileSync(
      path.join(repo, 'env/prod.yaml'),
      'parameter_defaults:\n  size: 3\nresource_registry:\n  OS::Team::Member: ../lib/member.yaml\n  OS::Team::Gone: ../lib/gone.yaml\n',
    );
    // A clean second entry, plain YAML that is neither, and a template inside .git that must be skipped.
    writeFileSync(path.join(repo, 'net.yaml'), 'heat_template_version: 2018-08-31\nresources:\n  n: {type: OS::Neutron::Net}\n');
    writeFileSync(path.join(repo, 'roles.yaml'), '- name: Controller\n  count: 1\n');
    writeFileSync(path.join(repo, '.git/HEAD.yaml'), 'heat_template_version: 2018-08-31\nresources:\n  x: {type: OS::Nope::Nope}\n');
  });
  afterAll(() => tmp.cleanup());

  it('finds templates by content, follows nested files, checks environments, and writes SARIF the schema accepts', () => {
    const r = run(tmp.path, 'validate', '--format', 'sarif', 'repo');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const sarifRun = log.runs[0]!;
    const byFile = (f: string) => sarifRun.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === f);
    // the nested file's error, found because the entry's resource_def uses it, and the entry's warning about what it passes
    expect(byFile('repo/lib/member.yaml').map((x) => [x.ruleId, x.level])).toEqual([['unknown-property', 'error']]);
    expect(byFile('repo/stack.txt.yaml').map((x) => [x.ruleId, x.level])).toEqual([['missing-required-property', 'warning']]);
    expect(byFile('repo/env/prod.yaml').map((x) => x.ruleId)).toEqual(['environment-file-not-found']);
    expect(byFile('repo/env/prod.yaml')[0]!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 19 });
    // nothing from .git, nothing from the roles list
    expect(sarifRun.artifacts.map((a) => a.location.uri).sort()).toEqual([
      'repo/env/prod.yaml',
      'repo/lib/member.yaml',
      'repo/net.yaml',
      'repo/stack.txt.yaml',
    ]);
    for (const x of sarifRun.results) expect(sarifRun.tool.driver.rules[x.ruleIndex]!.id).toBe(x.ruleId);
    expect(new URL(sarifRun.originalUriBaseIds.SRCROOT.uri).pathname).toBe(`${tmp.path.split(path.sep).join('/')}/`);
  });

  it('writes JUnit XML that an XML parser accepts: one case per validated file, failures for errors', () => {
    const r = run(tmp.path, 'validate', '--format=junit', 'repo');
    expect(r.status).toBe(1);
    const j = parseJunit(r.stdout);
    expect(j.cases.map((c) => c.name).sort()).toEqual(['repo/env/prod.yaml', 'repo/lib/member.yaml', 'repo/net.yaml', 'repo/stack.txt.yaml']);
    expect(j.tests).toBe(4);
    const failed = j.cases
      .filter((c) => c.failure)
      .map((c) => c.name)
      .sort();
    expect(failed).toEqual(['repo/env/prod.yaml', 'repo/lib/member.yaml']);
    expect(j.failures).toBe(2);
    expect(j.cases.find((c) => c.name === 'repo/env/prod.yaml')!.failure).toContain('repo/env/prod.yaml:5:19: error [environment-file-not-found]');
  });

  it('escapes what XML forbids in a file name (a control character, markup) and stays well-formed', () => {
    const dir = path.join(tmp.path, 'odd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a&b<c>\u0001.yaml'), 'heat_template_version: 2018-08-31\nresources:\n  "x\\0<&>": {type: "OS::<Bad>&\\u0001"}\n');
    const r = run(tmp.path, 'validate', '--format', 'junit', 'odd');
    expect(r.status).toBe(1);
    const j = parseJunit(r.stdout);
    // the control character (which XML 1.0 cannot carry) became U+FFFD, the markup came back as text
    expect(j.cases.map((c) => c.name)).toEqual(['odd/a&b<c>\uFFFD.yaml']);
    expect(j.cases[0]!.failure).toContain('"x\\u0000<&>"');
    const s = run(tmp.path, 'validate', '--format', 'sarif', 'odd');
    const log = JSON.parse(s.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.artifacts[0]!.location.uri).toBe('odd/a%26b%3Cc%3E%01.yaml');
  });

  it('an empty folder is an error, a bad --format a usage error', () => {
    mkdirSync(path.join(tmp.path, 'empty'), { recursive: true });
    const r = run(tmp.path, 'validate', '--format', 'sarif', 'empty');
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['no-templates']);
    expect(run(tmp.path, 'validate', '--format', 'xml', 'empty').status).toBe(2);
    expect(run(tmp.path, 'graph', '--format', 'sarif', 'empty').status).toBe(2);
  });

  it('over a folder of the corpus: the same findings in SARIF (schema-valid), JUnit and JSON, exit code from the errors', () => {
    const folder = path.join(corpus, 'heat-templates/hot/software-config');
    const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { path: string; kind: string }[];
    const inFolder = manifest.filter((f) => f.path.startsWith('heat-templates/hot/software-config/')).map((f) => ({ ...f, abs: path.join(corpus, f.path) }));
    const json = run(root, 'validate', '--json', folder);
    const diags = JSON.parse(json.stdout) as { file: string; severity: string; code: string; line: number }[];
    expect(diags.length).toBeGreaterThan(0);
    expect(json.status).toBe(diags.some((d) => d.severity === 'error') ? 1 : 0);
    const sarif = run(root, 'validate', '--format', 'sarif', folder);
    expect(sarif.status).toBe(json.status);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const results = log.runs[0]!.results;
    expect(results.map((x) => x.ruleId)).toEqual(diags.map((d) => d.code));
    // files outside the working folder are absolute file: URIs
    for (const x of results) expect(x.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('file:///')).toBe(true);
    const artifacts = new Set(log.runs[0]!.artifacts.map((a) => decodeURIComponent(new URL(a.location.uri).pathname)));
    // every template (entry or nested) and every environment of the folder was validated; the other YAML was not
    for (const f of inFolder) expect([f.path, artifacts.has(f.abs)]).toEqual([f.path, f.kind !== 'other']);
    const junit = parseJunit(run(root, 'validate', '--format', 'junit', folder).stdout);
    expect(junit.tests).toBe(artifacts.size);
    expect(junit.failures).toBe(new Set(diags.filter((d) => d.severity === 'error').map((d) => d.file)).size);
  }, 60_000);
});
