// 简体中文术语表：界面中文以种子文档（seeds/000 私有云资源编排用户手册，
// seeds/002 资源栈集 API）的用词为准，种子未命名的事物用 OpenStack 的标准中文术语。
// The zh-CN glossary. One spelling per term: the *-zh-CN.ts tables take the
// common terms from `zh` below (so a term changes here, in one place), and
// test/unit/renderer/i18n/glossary.test.ts fails on any forbidden variant in
// any zh-CN message. Counts are occurrences in seeds/*.txt (grep -o | wc -l).

export interface GlossaryTerm {
  /** The English UI word (English keeps its present words). */
  readonly en: string;
  /** The one Chinese spelling the zh-CN UI uses. */
  readonly zh: string;
  /**
   * Variants no zh-CN message may contain. A string matches literally; a
   * RegExp where the variant is also part of an allowed word (资源栈 is
   * forbidden, 资源栈集 is seed 002's word for a stack set).
   */
  readonly forbidden: readonly (string | RegExp)[];
  /** Why: where the seed uses the term, and how often. */
  readonly source: string;
}

export const glossaryZhCN = {
  template: {
    en: 'template',
    zh: '模版',
    forbidden: ['模板'],
    source: 'seed 000: 模版 147, 模板 50 (the UI labels say 模版: 创建模版, 下载模版, 部署模版)',
  },
  stack: {
    en: 'stack',
    zh: '编排部署',
    // Any 栈 except inside 资源栈集 / 资源栈实例 (seed 002's stack set words).
    forbidden: [/资源栈(?!集|实例)/, /(?<!资源)栈/, '堆栈', '部署记录'],
    source: 'seed 000: 编排部署 113 (编排部署 page, 编排部署列表, the template details tab 编排部署), 资源栈 0, 堆栈 0, 部署记录 0',
  },
  stackName: {
    en: 'stack name',
    zh: '编排名称',
    forbidden: [],
    source: 'seed 000 4.2/5.1: the deploy dialog field **编排名称** (4)',
  },
  stackSet: {
    en: 'stack set',
    zh: '资源栈集',
    forbidden: [/(?<!资源)栈集/, '堆栈集'],
    source: 'seed 002: 资源栈集 34',
  },
  stackInstance: {
    en: 'stack instance',
    zh: '资源栈实例',
    forbidden: [],
    source: 'seed 002: 资源栈实例 33 (the UI may shorten it to 实例 inside the stack-set screen)',
  },
  visualEditor: {
    en: 'editor',
    zh: '可视化编排',
    forbidden: ['编辑器', '可视化编辑'],
    source: 'seed 000: 可视化编排 43 (the page with the canvas), 编辑器 0',
  },
  canvas: { en: 'canvas', zh: '画布', forbidden: [], source: 'seed 000: 画布 47' },
  usable: {
    en: 'Usable',
    zh: '可使用',
    forbidden: [],
    source: 'seed 000 4.1: 状态分为 **可使用** 以及 **待编辑**',
  },
  needsEditing: { en: 'Needs editing', zh: '待编辑', forbidden: [], source: 'seed 000 4.1 (3)' },
  rollback: {
    en: 'Roll back on failure',
    zh: '出错回滚',
    forbidden: ['失败时回滚'],
    source: 'seed 000: 出错回滚 3 (the deploy dialog checkbox)',
  },
  inspector: {
    en: 'inspector',
    zh: '资源配置区',
    forbidden: ['属性面板'],
    source: 'seed 000: 资源配置区 7 (画布右侧为资源配置区和配额提示区)',
  },
  quotaPanel: { en: 'quota panel', zh: '配额提示', forbidden: ['配额面板'], source: 'seed 000: 配额提示 2' },
  fromScratch: { en: 'Blank', zh: '从零开始创建', forbidden: [], source: 'seed 000: 从零开始创建 17' },
  fromRecommended: {
    en: 'System recommended template',
    zh: '基于系统推荐模版构建',
    forbidden: [],
    source: 'seed 000: 基于系统推荐模版构建 8',
  },
  fromSaved: { en: 'Saved template', zh: '从保存模版中导入', forbidden: [], source: 'seed 000: 从保存模版中导入 7' },
  fromApp: { en: 'Create from an app', zh: '从应用中心创建', forbidden: [], source: 'seed 000: 从应用中心创建 9' },
  saveOnly: { en: 'Save only', zh: '仅保存', forbidden: [], source: 'seed 000: 仅保存 11' },
  saveAndDeploy: { en: 'Save and deploy now', zh: '保存并部署', forbidden: ['保存并立即部署'], source: 'seed 000: 保存并部署 6' },
  saveAndExportApp: {
    en: 'Save and export as an app',
    zh: '保存并导入应用中心',
    forbidden: ['保存并导出为应用包'],
    source: 'seed 000: 保存并导入应用中心 4',
  },
  appCenter: { en: 'app', zh: '应用中心', forbidden: [], source: 'seed 000: 应用中心 56, 导入应用中心 32' },
  templatePreview: {
    en: 'Topology (template details tab)',
    zh: '模版预览',
    forbidden: ['拓扑预览'],
    source: 'seed 000 4.1: 概览 / 模版预览 / 编排部署 / Yaml文件',
  },
  deploymentTemplate: { en: 'Deployment template', zh: '部署模版', forbidden: [], source: 'seed 000 4.2: 概览 / 资源拓扑 / 部署模版 / 事件' },
  resourceTopology: { en: 'Resource topology', zh: '资源拓扑', forbidden: [], source: 'seed 000: 资源拓扑 13' },
  environmentFile: { en: 'environment file', zh: '环境变量文件', forbidden: ['环境文件'], source: 'seed 000: 环境变量文件 6, 环境文件 0' },
  nestedFile: { en: 'nested file', zh: '嵌套文件', forbidden: [], source: 'seed 000: 嵌套文件 7' },
  recommendedSharedServer: { en: 'Shared-network server', zh: '共享网络云主机', forbidden: [], source: 'seed 000 3.1.2 (the recommended template)' },
  recommendedExternalServer: { en: 'External-network server', zh: '外部网络云主机', forbidden: [], source: 'seed 000 3.1.2 (the recommended template)' },
  server: { en: 'server', zh: '云主机', forbidden: ['云服务器'], source: 'seed 000: 云主机 74, 云服务器 0' },
  floatingIp: {
    en: 'floating IP',
    zh: '公网IP',
    forbidden: [/浮动\s*IP/, '公网 IP'],
    source: 'seed 000: 公网IP 14 (always without a space), 浮动IP 0',
  },
  volume: { en: 'volume', zh: '云硬盘', forbidden: ['存储卷', '数据卷', '云盘'], source: 'seed 000: 云硬盘 13, 卷 0' },
  externalNetwork: { en: 'external network', zh: '外部网络', forbidden: [], source: 'seed 000: 外部网络 29' },
  sharedNetwork: { en: 'shared network', zh: '共享网络', forbidden: [], source: 'seed 000: 共享网络 22' },
  privateNetwork: { en: 'private network', zh: '私有网络', forbidden: [], source: 'seed 000: 私有网络 14' },
  network: { en: 'network', zh: '网络', forbidden: [], source: 'seed 000: 网络 117' },
  subnet: { en: 'subnet', zh: '子网', forbidden: [], source: 'seed 000: 子网 7' },
  router: { en: 'router', zh: '路由器', forbidden: [], source: 'seed 000: 路由器 23' },
  keyPair: { en: 'key pair', zh: '密钥对', forbidden: [], source: 'seed 000: SSH密钥对 3' },
  securityGroup: { en: 'security group', zh: '安全组', forbidden: [], source: 'seed 000: 安全组 10' },
  image: { en: 'image', zh: '镜像', forbidden: [], source: 'seed 000: 镜像 9' },
  flavor: {
    en: 'flavor',
    zh: '云主机类型',
    forbidden: ['规格'],
    source: 'seed 000 writes flavor in Latin letters (8), 规格 0; 云主机类型 is OpenStack Horizon zh_CN',
  },
  availabilityZone: { en: 'availability zone', zh: '可用域', forbidden: ['可用区'], source: 'seed 000: 可用域 2, 可用区 0' },
  loadBalancer: { en: 'load balancer', zh: '负载均衡', forbidden: ['负载均衡器'], source: 'seed 000 glossary: 负载均衡 (4), 负载均衡器 0' },
  existingResource: { en: 'existing resource', zh: '已有资源', forbidden: [], source: 'seed 000 5.2' },
  systemResource: { en: 'new resources (palette tab)', zh: '系统资源', forbidden: [], source: 'seed 000 5.2' },
} as const satisfies Record<string, GlossaryTerm>;

export type GlossaryKey = keyof typeof glossaryZhCN;

/** The terms by key, for the tables' template literals: `新建${zh.template}`. */
export const zh = Object.fromEntries(Object.entries(glossaryZhCN).map(([k, v]) => [k, v.zh])) as {
  readonly [K in GlossaryKey]: (typeof glossaryZhCN)[K]['zh'];
};

/** Every forbidden variant found in `text`, with the term that forbids it. */
export function forbiddenVariants(text: string): { term: GlossaryKey; variant: string }[] {
  const found: { term: GlossaryKey; variant: string }[] = [];
  for (const [term, entry] of Object.entries(glossaryZhCN) as [GlossaryKey, GlossaryTerm][]) {
    for (const variant of entry.forbidden) {
      const match = typeof variant === 'string' ? (text.includes(variant) ? variant : null) : (variant.exec(text)?.[0] ?? null);
      if (match !== null) found.push({ term, variant: match });
    }
  }
  return found;
}
