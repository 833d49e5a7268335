// The seed: "自定义脚本中不支持包含中文字符和“$”特殊字符，否则导入应用中心后，
// 该应用安装时将出错" (a custom script must not contain Chinese characters or
// `$`, or the app fails to install). A server's script is its user_data: the
// literal, every string inside functions around it (str_replace's template and
// params, list_join, ...), the default of a parameter it gets, and the file a
// get_file reads. Servers are found in the entry, in nested templates and in
// group definitions (ResourceGroup resource_def, AutoScalingGroup resource).
import { parseTemplate, resources, sectionMap, type HotTemplate } from '../hot/template';
import { LineIndex } from '../hot/diagnostics';
import { functionCall, get, isMap, isScalar, isSeq, isString, nodeAt, type HNode } from '../hot/node';
import { dirname, joinPath } from '../hot/paths';
import { templateTexts, type AppCheckProblem, type TemplateFiles } from './problems';

/** Han ideographs plus CJK and full-width punctuation (，。“” and the like). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const DOLLAR = /\$/;

interface Finding {
  kind: 'chinese' | 'dollar';
  file: string;
  line: number;
  column: number;
  char: string;
}

export function checkUserData(t: TemplateFiles): AppCheckProblem[] {
  const problems: AppCheckProblem[] = [];
  for (const [path, text] of templateTexts(t)) {
    const tpl = parseTemplate(text, path);
    if (tpl.kind !== 'hot') continue;
    for (const { resource, userData } of serversWithUserData(tpl)) {
      const findings: Finding[] = [];
      scanNode(tpl, userData, t.files, findings);
      // One problem per resource and kind, at its first occurrence: enough to find it, not a wall of text.
      for (const kind of ['chinese', 'dollar'] as const) {
        const first = findings.find((f) => f.kind === kind);
        if (!first) continue;
        const count = findings.filter((f) => f.kind === kind).length;
        const what = kind === 'chinese' ? `a Chinese character ("${first.char}")` : 'the "$" character';
        problems.push({
          code: kind === 'chinese' ? 'APP_USER_DATA_CHINESE' : 'APP_USER_DATA_DOLLAR',
          message: `The custom script (user_data) of ${resource} has ${what} at ${first.file} line ${first.line}, column ${first.column}${count > 1 ? ` (and ${count - 1} more)` : ''}; an app whose script has Chinese characters or "$" fails to install.`,
          params: { resource, file: first.file, line: first.line, column: first.column, char: first.char, more: count - 1 },
          file: first.file,
          resource,
          line: first.line,
          column: first.column,
        });
      }
    }
  }
  return problems;
}

function serversWithUserData(tpl: HotTemplate): Array<{ resource: string; userData: HNode }> {
  const out: Array<{ resource: string; userData: HNode }> = [];
  for (const r of resources(tpl)) {
    const defs: HNode[] = [r.definition];
    if (r.type === 'OS::Heat::ResourceGroup') defs.push(...present(nodeAt(r.definition, ['properties', 'resource_def'])));
    if (r.type === 'OS::Heat::AutoScalingGroup') defs.push(...present(nodeAt(r.definition, ['properties', 'resource'])));
    for (const def of defs) {
      const type = get(def, 'type');
      const userData = nodeAt(def, ['properties', 'user_data']);
      if (isString(type) && type.value === 'OS::Nova::Server' && userData) out.push({ resource: r.name, userData });
    }
  }
  return out;
}

const present = (n: HNode | undefined): HNode[] => (n ? [n] : []);

function scanNode(tpl: HotTemplate, node: HNode, files: Record<string, string>, out: Finding[], depth = 0): void {
  if (depth > 50) return;
  const call = functionCall(node);
  if (call?.name === 'get_file' && isString(call.args)) {
    const path = joinPath(dirname(tpl.file), call.args.value);
    const text = files[path];
    if (text !== undefined) scanText(path, text, new LineIndex(text), 0, text.length, text, out);
    return;
  }
  if (call?.name === 'get_param') {
    const name = isString(call.args) ? call.args.value : isSeq(call.args) && isString(call.args.items[0]) ? call.args.items[0].value : undefined;
    const fallback = name === undefined ? undefined : get(get(sectionMap(tpl, 'parameters'), name), 'default');
    if (fallback) scanNode(tpl, fallback, files, out, depth + 1);
    return;
  }
  if (isScalar(node)) {
    if (typeof node.value === 'string') scanText(tpl.file, tpl.text, tpl.lines, node.start, node.end, node.value, out);
    return;
  }
  if (isSeq(node)) for (const item of node.items) scanNode(tpl, item, files, out, depth + 1);
  else if (isMap(node)) for (const pair of node.pairs) scanNode(tpl, pair.value, files, out, depth + 1);
}

/**
 * Looks in the source bytes of the scalar first, so the line is where the
 * character is written; a character that only appears after unescaping
 * ("\u4e2d", "\x24") is reported at the scalar's start.
 */
function scanText(file: string, source: string, lines: LineIndex, start: number, end: number, value: string, out: Finding[]): void {
  const slice = source.slice(start, end);
  for (const [kind, pattern] of [
    ['chinese', CHINESE],
    ['dollar', DOLLAR],
  ] as const) {
    if (!pattern.test(value)) continue;
    const global = new RegExp(pattern.source, 'gu');
    let found = false;
    for (const m of slice.matchAll(global)) {
      found = true;
      out.push({ kind, file, char: m[0], ...lines.position(start + m.index) });
    }
    if (!found) out.push({ kind, file, char: value.match(pattern)![0], ...lines.position(start) });
  }
}
