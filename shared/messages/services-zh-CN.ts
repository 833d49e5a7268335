// main/deploy、main/existing、main/stacksets、main/quota 的中文文案（键见 services-en.ts，术语取自 glossary-zh-CN.ts）。
import { zh } from './glossary-zh-CN';
import type { servicesMessagesEn } from './services-en';

export const servicesMessagesZhCN: Record<keyof typeof servicesMessagesEn, string> = {
  'deploy.bundleDiagnostic': '{file}:{line}：{text}',
  'deploy.cannotBundle': `无法打包该${zh.template}。`,

  'existing.keyPairName': `“{name}”不能作为${zh.keyPair}名称：只能使用字母、数字、“_”、“.”、“-”（以字母或数字开头），最多 255 个字符。`,
  'existing.key.private': '这是私钥：请粘贴公钥（.pub 文件中的那一行，以 ssh-ed25519 或 ssh-rsa 开头）。私钥永远不会离开你的电脑。',
  'existing.key.lines': '公钥只有一行（.pub 文件）；这段文本有 {n} 行。',
  'existing.key.type': '“{type}”不是 OpenSSH 公钥类型（应为以下之一：{types}）。',
  'existing.key.notBase64': '“{type}”之后的密钥数据不是 base64。',
  'existing.key.mismatch': '密钥数据中不是 {type} 密钥（其中写的是“{inner}”）：这一行可能被截断或混杂。',
  'existing.key.noKeyPair': `Nova 对 POST /os-keypairs 的应答中没有${zh.keyPair}。`,

  'stackset.versionMissing': `${zh.template}库中没有${zh.template}版本 {id}。`,
  'stackset.stillHasInstances': `${zh.stackSet}“{name}”中仍有${zh.stackInstance}：请先删除它们。`,
  'stackset.operationRunning': `${zh.stackSet}“{name}”有正在进行的操作。`,
  'stackset.retainOnlyDelete': 'retain_stacks 只适用于 DELETE_STACK_INSTANCES，不适用于 {action}。',
  'stackset.operationNotFound': `没有${zh.stackSet}操作 {id}。`,
  'stackset.noProjectToken': `云配置“{name}”没有项目范围的令牌：${zh.stackSet}需要项目。`,
  'stackset.noHeatInRegion': '项目 {project}（云配置“{profile}”）在区域“{region}”中没有 Heat 端点。',
  'stackset.noProfileReaches': `加入此${zh.stackSet}的云配置都无法访问项目 {project}。`,
  'stackset.cloudRefused': '{action}{where}：{cause}',
  'stackset.cloudWhere': '（{parts}）',
  'stackset.where.profile': '云配置“{name}”',
  'stackset.where.project': '项目 {id}',
  'stackset.where.region': '区域“{region}”',
  'stackset.action.authenticate': '认证',
  'stackset.action.preview': '预览 {action}',

  'quota.noProject': '令牌不属于任何项目：配额按项目计算。',
  'quota.refused': '超出配额：{kinds}（已用 + {added} / 上限）{when}。{consequence}',
  'quota.added.deploy': `本${zh.template}`,
  'quota.added.update': '本次更新新增的资源',
  'quota.staleWhen': '（上次已知的配额，读取于 {at}）',
  'quota.readEarlier': '之前',
  'quota.consequence.deploy': `已阻止部署；${zh.template}仍可保存。`,
  'quota.consequence.update': `已阻止更新；${zh.stack}保持原样。`,
  'quota.forbidden': '{service} 对 {tried} 应答了 403。',
  'quota.tried.nova': 'os-quota-sets/{project}/detail 和 /limits',
  'quota.tried.neutron': 'quotas/{project}/details、quotas/{project} 以及资源列表',
  'quota.tried.cinder': 'os-quota-sets/{project}?usage=true 和 /limits',
};
