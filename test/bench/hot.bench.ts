// parse + validate + graph of the largest corpus template and of generated
// templates with 1,000 and 5,000 resources, against a bare `yaml` parse of
// the same text in the same run. Target: within 3x of the bare parse.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildGraph } from '../../shared/hot/graph';
import { parseTemplate } from '../../shared/hot/template';
import { validateTemplate } from '../../shared/hot/validate';

const corpus = path.resolve(process.cwd(), '../shared/corpus');
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { path: string; kind: string; bytes: number }[];
const largest = manifest.filter((e) => e.kind === 'template').sort((a, b) => b.bytes - a.bytes)[0];

function generated(n: number): string {
  let s = 'heat_template_version: 2021-04-16\nparameters:\n  image: {type: string, default: cirros}\nresources:\n';
  for (let i = 0; i < n; i++) {
    s += `  net${i}:\n    type: OS::Neutron::Net\n  port${i}:\n    type: OS::Neutron::Port\n    properties:\n      network: {get_resource: net${i}}\n`;
    s += `  server${i}:\n    type: OS::Nova::Server\n    properties:\n      image: {get_param: image}\n      flavor: m1.tiny\n      networks:\n        - port: {get_resource: port${i}}\n`;
  }
  return s;
}

function time(fn: () => void, runs = 5): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

const inputs: [string, string][] = [
  [`largest corpus template (${largest?.path})`, readFileSync(path.join(corpus, largest?.path ?? ''), 'utf8')],
  ['generated 1,000 resources', generated(334)],
  ['generated 5,000 resources', generated(1667)],
];
for (const [name, text] of inputs) {
  const bare = time(() => parse(text));
  const full = time(() => {
    const t = parseTemplate(text, 'bench.yaml');
    validateTemplate(t);
    buildGraph(t);
  });
  globalThis.gc?.();
  console.log(
    `${name}: ${(text.length / 1024).toFixed(0)} KiB, bare yaml parse ${bare.toFixed(1)} ms, parse+validate+graph ${full.toFixed(1)} ms, ratio ${(full / bare).toFixed(2)}x (target <= 3x)`,
  );
}
// Aliases: 10,000 of one anchor in 40 KB (issue 25 measured 6.7 s to validate,
// growing with the square of the count). No bare-parse ratio: `yaml`'s own
// toJS refuses this many aliases (maxAliasCount 100).
for (const n of [10_000, 20_000]) {
  const text = `heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::Value\n    properties:\n      value: &a {k1: v1, k2: v2}\n  s:\n    type: OS::Heat::Value\n    properties:\n      value: [${Array(n).fill('*a').join(', ')}]\n`;
  const full = time(() => {
    const t = parseTemplate(text, 'bench.yaml');
    validateTemplate(t);
    buildGraph(t);
  });
  console.log(
    `${n.toLocaleString('en')} aliases of one anchor: ${(text.length / 1024).toFixed(0)} KiB, parse+validate+graph ${full.toFixed(1)} ms (target <= 500 ms)`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
