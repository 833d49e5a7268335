// 已有资源相关的中文文案（在 zh-CN.ts 中合并为 `existing`）。
import type { existingEn } from './existing-en';
import { zh } from '../../shared/messages/glossary-zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const existingZhCN: Shape<typeof existingEn> = {
  tabs: { system: '系统资源', existing: '已有资源' },
  noCloud: '请先在“云配置”中选择一个云，才能列出其中的已有资源。',
  loading: '读取中…',
  refresh: '刷新',
  stale: '离线：显示的是 {at} 读取的列表。{error}',
  dragHint: `拖入${zh.canvas}：已有资源会连同其上级已有资源一起进入${zh.canvas}，高亮显示且不可编辑。`,
  empty: '无',
  subnet: '子网 {name}：{cidr}',
  groups: { 'external-network': '外部网络', 'shared-network': '共享网络', 'private-network': '私有网络', router: '路由器' },
  kinds: { 'external-network': '外部网络', 'shared-network': '共享网络', 'private-network': '私有网络', router: '路由器' },
  services: { compute: 'Nova（计算）', network: 'Neutron（网络）', volume: `Cinder（${zh.volume}）`, image: `Glance（${zh.image}）` },
  unavailable: '此云未提供 {service}。',
  failed: '无法读取 {service}：{message}',
  missing: '已不存在',
  inspector: {
    title: '已有{kind}',
    readOnly: `云中的已有资源：不可编辑。${zh.template}通过参数 {param} 按 ID 引用它。`,
    cloudName: '名称',
    id: 'ID',
    parameter: '参数',
    parent: '上级',
    missing: `该资源在云中已不存在：部署将会失败。请从${zh.canvas}中删除它或改用其他资源。`,
  },
  picker: {
    cloudValues: '{cloud} 中的可选值',
    viaParameter: '设置参数 {param} 的默认值',
    addSecurityGroup: `从云中添加${zh.securityGroup}`,
    add: '添加',
  },
  recheck: '对照云重新检查',
};
