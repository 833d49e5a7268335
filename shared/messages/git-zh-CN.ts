// git 模版库的中文文案（键见 shared/messages/git-en.ts）。
import { zh } from './glossary-zh-CN';
import type { gitMessagesEn } from './git-en';

export const gitMessagesZhCN: Record<keyof typeof gitMessagesEn, string> = {
  'git.missing': '未找到 git（{path}）；请安装 git，或把 HEAT_STUDIO_GIT 设为它的完整路径。',
  'git.failed': '{command} 失败：{reason}',
  'git.noUpstream': '工作副本 {path} 没有可拉取或推送的上游分支。',
  'git.notConflicted': '{path} 不是本次拉取中有冲突的文件。',
  'git.resolveFirst': '有一次拉取正等待解决（或放弃）冲突；请先解决冲突。',
  'git.pushRejected': '服务器拒绝了推送；你的提交仍保留在本地。服务器的原因：{reason}',
  'git.nothingToCommit': `自上一个版本以来 {path} 没有改动：没有可提交的内容。`,
  'git.importExists': `仓库中 {path} 已有另一个文件，导入会覆盖它。请重命名要导入的文件，或导入到其他文件夹。`,
  'git.renameName': `git ${zh.template}库中的${zh.template}以其文件命名：{to} 必须以 .yaml、.yml 或 .template 结尾。`,
  'git.renameShared': `把 {from} 重命名为 {to} 会移动 {path}，而 {other} 也在使用它。请用 git 移动它，或在同一文件夹内重命名。`,
  'git.renameBreaks': `把 {from} 重命名为 {to} 会使 {path} 对 {ref} 的引用失效（文件按原样保存，引用不会被改写）。请选择一个能以相同方式引用 {ref} 的文件夹。`,
  'git.pathEscape': '“{path}”指向仓库工作副本之外。',
  'git.badUrl': '“{url}”不是仓库地址或路径。',
  'git.folderNotEmpty': '文件夹 {path} 不为空；克隆需要一个空文件夹。',
  'git.notACheckout': '{path} 不是 git 工作副本（或不存在）。',
  'git.noIdentity': 'git 没有为 {path} 设置 user.name / user.email；请先设置（git config --global user.name ...），以便提交记录作者。',
  'git.notGitLibrary': `此${zh.template}库未绑定 git 仓库。`,
  'error.GIT_UNAVAILABLE': '无法使用 git',
  'error.GIT_FAILED': 'git 命令失败',
  'error.GIT_CONFLICT': `拉取的${zh.template}有冲突待解决`,
  'error.GIT_PUSH_REJECTED': '服务器拒绝了推送',
};
