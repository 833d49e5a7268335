// Checks before a template version becomes an app package: pure functions,
// each problem with a stable code and a message naming what and where.
// user_data lives in user-data.ts, security group ranges in security-groups.ts.
import { parseTemplate, resources, sectionMap, type HotTemplate } from '../hot/template';
import { functionCall, get, isMap, isSeq, isString, toValue, type HNode } from '../hot/node';
import { templateTexts, type AppCheckProblem, type TemplateFiles } from './problems';
import { existingParams } from '../topology/existing';
import { checkUserData } from './user-data';
import { portFits, type PortRange } from './security-groups';
import type { AppLink, ParameterLabel, QuotaVerdict } from './model';
import type { VersionInfo } from './manifest';

export { checkUserData };

/**
 * Existing resources (SPEC 1.5, the seed's 5.2: "若可视化编排中存在已有资源时，
 * 则该模版不支持导入应用中心"). The canvas marks each existing resource it adds
 * (a parameter tagged `heat-studio:existing=<kind>`, shared/topology/existing.ts):
 * every marked parameter is one problem. A hand-written template has no marker,
 * so as a fallback a reference counts as existing when a network/router/subnet
 * property holds a UUID, literally or through get_param of an unmarked
 * parameter whose value (the environment's, else the default) is a UUID: an id
 * names something already in the cloud, whereas names (share_net, public) are
 * resolved at deploy time.
 */
const ID_PROPERTIES = new Set([
  'network',
  'network_id',
  'router',
  'router_id',
  'subnet',
  'subnet_id',
  'floating_network',
  'floating_network_id',
  'external_network',
]);
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function checkExistingResources(t: TemplateFiles): AppCheckProblem[] {
  const envValues = environmentParameters(t.environment);
  const problems: AppCheckProblem[] = [];
  for (const [path, text] of templateTexts(t)) {
    const tpl = parseTemplate(text, path);
    if (tpl.kind !== 'hot') continue;
    const marked = existingParams(tpl);
    const params = sectionMap(tpl, 'parameters');
    for (const [name, m] of marked) {
      const pair = params?.index.get(name);
      const at = pair ? tpl.lines.position(pair.key.start) : { line: 0, column: 0 };
      problems.push({
        code: 'APP_EXISTING_MARKED',
        message: `The template uses the existing ${m.kind.replace('-', ' ')} ${m.name} (${m.id}) through parameter ${name} (${path} line ${at.line}); a template with existing resources cannot be exported as an app.`,
        params: { kind: m.kind, name: m.name, id: m.id, parameter: name, file: path, line: at.line },
        file: path,
        line: at.line,
        column: at.column,
      });
    }
    // Environment values reach the entry's parameters only.
    const overrides = path === t.entryPath ? envValues : {};
    for (const r of resources(tpl)) {
      walkProperties(get(r.definition, 'properties'), (key, value) => {
        if (!ID_PROPERTIES.has(key)) return;
        const found = existingId(tpl, value, overrides);
        if (!found || (found.parameter && marked.has(found.parameter))) return;
        const at = tpl.lines.position(value.start);
        const via = found.parameter ? ` through parameter ${found.parameter}` : '';
        problems.push({
          code: 'APP_EXISTING_RESOURCE',
          message: `${r.name}.${key} uses the existing cloud resource ${found.id}${via} (${path} line ${at.line}); a template with existing resources cannot be exported as an app.`,
          params: { resource: r.name, property: key, id: found.id, parameter: found.parameter ?? '', file: path, line: at.line },
          file: path,
          resource: r.name,
          line: at.line,
          column: at.column,
        });
      });
    }
  }
  return problems;
}

function walkProperties(n: HNode | undefined, visit: (key: string, value: HNode) => void, depth = 0): void {
  if (!n || depth > 30) return;
  if (isSeq(n)) for (const item of n.items) walkProperties(item, visit, depth + 1);
  else if (isMap(n)) {
    for (const pair of n.pairs) {
      if (pair.key.value !== null) visit(String(pair.key.value), pair.value);
      walkProperties(pair.value, visit, depth + 1);
    }
  }
}

function existingId(tpl: HotTemplate, value: HNode, overrides: Record<string, unknown>): { id: string; parameter?: string } | null {
  if (isString(value)) return UUID.test(value.value) ? { id: value.value } : null;
  const call = functionCall(value);
  if (call?.name !== 'get_param') return null;
  const name = isString(call.args) ? call.args.value : isSeq(call.args) && isString(call.args.items[0]) ? call.args.items[0].value : null;
  if (name === null) return null;
  const v = name in overrides ? overrides[name] : toValue(get(get(sectionMap(tpl, 'parameters'), name), 'default'));
  return typeof v === 'string' && UUID.test(v) ? { id: v, parameter: name } : null;
}

function environmentParameters(environment: string | null): Record<string, unknown> {
  if (!environment) return {};
  const env = toValue(parseTemplate(environment, 'environment').root) as Record<string, unknown> | null;
  if (!env || typeof env !== 'object') return {};
  const pick = (k: string) => (env[k] && typeof env[k] === 'object' ? (env[k] as Record<string, unknown>) : {});
  return { ...pick('parameter_defaults'), ...pick('parameters') };
}

/** The seed: over quota "您只能保存模版，无法部署或导入应用中心". The quota panel feeds the verdict. */
export function checkQuota(verdict: QuotaVerdict | null | undefined): AppCheckProblem[] {
  if (!verdict?.over) return [];
  const list = verdict.resources.join(', ') || 'some resources';
  return [
    {
      code: 'APP_OVER_QUOTA',
      message: `Over quota (${list}): the template can only be saved until the quota is raised, not exported as an app.`,
      params: { resources: list },
    },
  ];
}

/** The seed: "编排模板需要将模板中的资源都设定达标后才可以部署或者导入应用中心". */
export function checkStatus(status: 'usable' | 'needs_editing', reason: string): AppCheckProblem[] {
  if (status === 'usable') return [];
  return [{ code: 'APP_NEEDS_EDITING', message: `The template needs editing before it can become an app: ${reason}`, params: { reason } }];
}

/**
 * The seed's conditions for a new version of an app: "1.该模版是从应用中心导入创建。
 * 2.该模版仅支持第一次在画布中编辑时，保存选择导入版本，退出画布后，只能导入为新应用。"
 * Here: the template was created from an app, and the version exported is
 * its first edit (the one saved right after the imported version) and still
 * its latest; after a second edit it can only become a new app.
 */
export function checkNewVersion(link: AppLink | null, exporting: number, latest: number): AppCheckProblem | null {
  if (!link) {
    return { code: 'APP_NOT_FROM_APP', message: 'This template was not created from an app, so it can only be exported as a new app.', params: {} };
  }
  const params = { app: link.appName, version: link.appVersion, base: link.baseVersion, exporting, latest };
  if (exporting <= link.baseVersion && latest <= link.baseVersion) {
    return {
      code: 'APP_VERSION_NOT_EDITED',
      message: `This template is ${link.appName} ${link.appVersion} unchanged; edit it first, then export the edit as a new version.`,
      params,
    };
  }
  if (exporting !== link.baseVersion + 1 || latest !== link.baseVersion + 1) {
    return {
      code: 'APP_VERSION_EDITED_AGAIN',
      message: `Only the first edit of a template created from an app can be exported as a new version of that app; this template has been edited again since ${link.appName} ${link.appVersion} (version ${latest} of the template), so export it as a new app.`,
      params,
    };
  }
  return null;
}

export function checkVersionTaken(link: AppLink | null, version: string): AppCheckProblem[] {
  if (!link || link.appVersion.trim() !== version.trim()) return [];
  return [
    {
      code: 'APP_VERSION_TAKEN',
      message: `${link.appName} already has version ${version}; give the new version another number.`,
      params: { app: link.appName, version },
    },
  ];
}

export function checkAccessPorts(ranges: readonly PortRange[], info: Pick<VersionInfo, 'appAccess' | 'serviceAccess'>): AppCheckProblem[] {
  const problems: AppCheckProblem[] = [];
  const open = ranges.map((r) => `${r.protocol} ${r.min === r.max ? r.min : `${r.min}-${r.max}`}`).join(', ');
  for (const [list, kind] of [
    [info.appAccess, 'app access'],
    [info.serviceAccess, 'service access'],
  ] as const) {
    list.forEach((entry, i) => {
      if (portFits(ranges, entry.protocol, entry.port)) return;
      problems.push({
        code: 'APP_ACCESS_PORT',
        message: `The ${kind} entry "${entry.name}" uses ${entry.protocol} port ${entry.port}, outside the security group's port ranges (${open}).`,
        params: { kind, index: i, name: entry.name, port: entry.port, ranges: open },
      });
    });
  }
  return problems;
}

/** The entry's parameters, in order: the fields the seed's translation page lists. */
export function parameterLabels(yaml: string): ParameterLabel[] {
  const params = sectionMap(parseTemplate(yaml), 'parameters');
  if (!params) return [];
  return params.pairs.map((p) => {
    const label = get(p.value, 'label');
    return { name: String(p.key.value), label: isString(label) ? label.value : '' };
  });
}

/** Every check that depends on the template alone (the form's checks come at export). */
export function templateChecks(
  t: TemplateFiles,
  status: 'usable' | 'needs_editing',
  reason: string,
  quota: QuotaVerdict | null | undefined,
): AppCheckProblem[] {
  return [...checkStatus(status, reason), ...checkExistingResources(t), ...checkUserData(t), ...checkQuota(quota)];
}
