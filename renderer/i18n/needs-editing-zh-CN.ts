// “待编辑”规则（种子 4.1：检测未通过的模版不可快速部署，只能再次编辑）的中文文案，合并到 zh-CN.ts 的 `needsEditing`；术语取自 glossary-zh-CN.ts。
import { zh } from '../../shared/messages/glossary-zh-CN';

export const needsEditingZhCN = {
  title: zh.needsEditing,
  body: `该${zh.template}检测未通过，状态为${zh.needsEditing}：此时不可部署，也不可导入${zh.appCenter}，但可点击“编辑${zh.template}”对${zh.template}进行再次编辑，通过检测后即可部署。`,
  bodyVersion: `版本 {n} 未通过离线检测，只能编辑：修改并通过检测之前不可部署。`,
  bodyFile: `该文件未通过离线 HOT 检测，不可部署：请修改后重新选择。`,
  reason: '原因：{reason}',
  edit: `编辑${zh.template}`,
  recheck: '重新检查',
  rechecking: '正在检查…',
  deployBlocked: `${zh.needsEditing}：${zh.template}修改并通过检测之前不可部署。`,
  appBlocked: `${zh.needsEditing}：${zh.template}修改并通过检测之前不可导入${zh.appCenter}。`,
  nowUsable: `已重新检查：该${zh.template}现在${zh.usable}。`,
  stillNeedsEditing: `已重新检查：该${zh.template}仍为${zh.needsEditing}。`,
};
