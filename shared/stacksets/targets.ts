// deployment_targets: which (region, domain id) pairs an operation touches.
// The CSV behind domain_ids_uri arrives as bytes (the main process reads the
// file); decoding and every limit the seed puts on it are checked here so the
// main process never holds an unchecked id list.
import { accept, refuse, STACK_SET_ERRORS as E, type Checked } from './errors';
import type { DeploymentTargets, OperationAction, StackInstance } from './model';
import { msg } from '../messages/message';

/** Seed: "文件内容大小不超过100KB". */
export const DOMAIN_IDS_CSV_MAX_BYTES = 100 * 1024;
export const DOMAIN_ID_MAX = 64;
export const DOMAIN_IDS_URI_MAX = 2048;

export interface ResolvedTargets {
  regions: string[];
  domainIds: string[];
}

/**
 * Strict UTF-8: overlong forms, surrogates and truncated sequences are
 * refused rather than replaced, so an id never silently changes.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    let need: number;
    let cp: number;
    let min: number;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i += 1;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp, min] = [1, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, cp, min] = [2, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, cp, min] = [3, b0 & 0x07, 0x10000];
    else return null;
    // A truncated sequence reads undefined and is refused below.
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

function checkDomainId(id: string, field: string): Checked<string> {
  if (id.length === 0) return refuse(E.domainIdInvalid, field, msg('stackset.domainIdEmpty', { field }));
  if (id.length > DOMAIN_ID_MAX) return refuse(E.domainIdInvalid, field, msg('stackset.domainIdTooLong', { id: id.slice(0, 16), field, max: DOMAIN_ID_MAX }));
  if (/[\s\p{Cc}]/u.test(id)) return refuse(E.domainIdInvalid, field, msg('stackset.domainIdSpace', { id, field }));
  return accept(id);
}

function checkUnique(ids: readonly string[], field: string, code: typeof E.domainIdInvalid | typeof E.regionsInvalid): Checked<string[]> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return refuse(code, field, msg('stackset.domainIdTwice', { id, field }));
    seen.add(id);
  }
  return accept([...ids]);
}

/**
 * Seed: "每个租户ID以逗号(,)分割，支持换行。当前仅支持csv文件，且文件的编码格式须为UTF-8。
 * 文件内容大小不超过100KB". The comma is the separator and line breaks are
 * allowed around ids (read as whitespace), so "a,\nb" is two ids and "a\nb"
 * is refused. A leading BOM is dropped: the seed recommends checking the file
 * in Notepad, which writes one. Every token must be a non-empty id, so a
 * trailing comma is an empty id and refused.
 */
export function parseDomainIdsCsv(bytes: Uint8Array): Checked<string[]> {
  const field = 'deployment_targets.domain_ids_uri';
  if (bytes.length > DOMAIN_IDS_CSV_MAX_BYTES) {
    return refuse(E.csvTooLarge, field, msg('stackset.csvTooLarge', { size: bytes.length, max: DOMAIN_IDS_CSV_MAX_BYTES }));
  }
  const text = decodeUtf8(bytes);
  if (text === null) return refuse(E.csvNotUtf8, field, msg('stackset.csvNotUtf8'));
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const tokens = body.split(',').map((t) => t.trim());
  const ids: string[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.length === 0) return refuse(E.csvEmptyId, field, msg('stackset.csvEmptyId', { position: index + 1 }));
    const checked = checkDomainId(token, field);
    if (!checked.ok) return checked;
    ids.push(token);
  }
  return checkUnique(ids, field, E.domainIdInvalid);
}

/**
 * Shape and exclusivity of deployment_targets; csv is the file's bytes when
 * domain_ids_uri is used. The same for both permission models: seed 002
 * describes domain_ids / domain_ids_uri as what a SELF_MANAGED operation
 * names ("权限模型是SELF_MANAGED时，用户指定包含本次操作涉及到的租户ID内容") but
 * defines no other target for SERVICE_MANAGED (no organisation or OU ids), and
 * its "domain_ids和domain_ids_uri 有且仅有一个存在" has no permission-model
 * condition. So a SERVICE_MANAGED operation also names its projects with
 * exactly one of the two; in this product a domain id is a Keystone project.
 */
export function resolveDeploymentTargets(targets: DeploymentTargets, csv?: Uint8Array): Checked<ResolvedTargets> {
  const { regions } = targets;
  if (!Array.isArray(regions) || regions.length === 0 || regions.some((r) => typeof r !== 'string' || r.trim().length === 0)) {
    return refuse(E.regionsInvalid, 'deployment_targets.regions', 'deployment_targets.regions must be a non-empty list of region names');
  }
  const uniqueRegions = checkUnique(regions, 'deployment_targets.regions', E.regionsInvalid);
  if (!uniqueRegions.ok) return uniqueRegions;
  const hasIds = targets.domain_ids !== undefined;
  const hasUri = targets.domain_ids_uri !== undefined;
  if (hasIds === hasUri) {
    return refuse(
      E.domainTargetsExclusive,
      'deployment_targets.domain_ids',
      'give exactly one of deployment_targets.domain_ids and deployment_targets.domain_ids_uri',
    );
  }
  let domainIds: string[];
  if (hasIds) {
    const field = 'deployment_targets.domain_ids';
    if (!Array.isArray(targets.domain_ids) || targets.domain_ids.length === 0) return refuse(E.domainIdInvalid, field, `${field} must be a non-empty list`);
    for (const id of targets.domain_ids) {
      const checked = typeof id === 'string' ? checkDomainId(id, field) : refuse(E.domainIdInvalid, field, `${field} must hold strings`);
      if (!checked.ok) return checked;
    }
    const unique = checkUnique(targets.domain_ids, field, E.domainIdInvalid);
    if (!unique.ok) return unique;
    domainIds = unique.value;
  } else {
    const field = 'deployment_targets.domain_ids_uri';
    const uri = targets.domain_ids_uri;
    if (typeof uri !== 'string' || uri.length === 0 || uri.length > DOMAIN_IDS_URI_MAX) {
      return refuse(E.domainIdsUriInvalid, field, `${field} must be 1-${DOMAIN_IDS_URI_MAX} characters`);
    }
    if (csv === undefined) return refuse(E.domainIdsUriInvalid, field, `the file named by ${field} could not be read`);
    const parsed = parseDomainIdsCsv(csv);
    if (!parsed.ok) return parsed;
    domainIds = parsed.value;
  }
  return accept({ regions: uniqueRegions.value, domainIds });
}

export interface SelectedPair {
  region: string;
  domain_id: string;
}

/**
 * The seed's Cartesian product: regions x domain ids, in the order given.
 * CREATE_STACK_INSTANCES makes new pairs, so none may exist yet; every other
 * action "以笛卡尔积的形式选择资源栈集中存在的资源栈实例", and naming a region
 * or domain the set does not manage is an error.
 */
export function selectInstances(action: OperationAction, existing: readonly StackInstance[], targets: ResolvedTargets): Checked<SelectedPair[]> {
  const has = new Set(existing.map((i) => `${i.region}\u0000${i.domain_id}`));
  const pairs = targets.regions.flatMap((region) => targets.domainIds.map((domain_id) => ({ region, domain_id })));
  if (action === 'CREATE_STACK_INSTANCES') {
    const clash = pairs.find((p) => has.has(`${p.region}\u0000${p.domain_id}`));
    if (clash) {
      return refuse(E.instanceExists, 'deployment_targets', `a stack instance already exists in region "${clash.region}" for domain "${clash.domain_id}"`);
    }
    return accept(pairs);
  }
  const managedRegions = new Set(existing.map((i) => i.region));
  const managedDomains = new Set(existing.map((i) => i.domain_id));
  const strayRegion = targets.regions.find((r) => !managedRegions.has(r));
  if (strayRegion !== undefined) {
    return refuse(E.regionNotManaged, 'deployment_targets.regions', `region "${strayRegion}" is not managed by this stack set`);
  }
  const strayDomain = targets.domainIds.find((d) => !managedDomains.has(d));
  if (strayDomain !== undefined) {
    return refuse(E.domainNotManaged, 'deployment_targets.domain_ids', `domain "${strayDomain}" is not managed by this stack set`);
  }
  const selected = pairs.filter((p) => has.has(`${p.region}\u0000${p.domain_id}`));
  if (selected.length === 0) return refuse(E.noInstancesSelected, 'deployment_targets', 'deployment_targets select no stack instance of this set');
  return accept(selected);
}
