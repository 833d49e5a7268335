// The seed's app rule for custom scripts ("自定义脚本中不支持包含中文字符和“$”
// 特殊字符") shown while editing a template created from an app, not only when
// it is exported: such a template is meant to go back to the app centre, so a
// "$" or a Chinese character in a server's user_data is a problem the moment
// it is typed. A template not linked to an app may use "$" freely (Heat does).
import { computed, ref, watch, type ComputedRef } from 'vue';
import { checkUserData } from '../../shared/apps/user-data';
import type { AppCheckProblem } from '../../shared/apps/problems';
import type { AppLink } from '../../shared/apps/model';
import { useAppsStore } from '../stores/apps';
import { useEditorStore } from '../stores/editor';

export function useAppScriptProblems(): { link: ComputedRef<AppLink | null>; problems: ComputedRef<AppCheckProblem[]> } {
  const editor = useEditorStore();
  const apps = useAppsStore();
  const linked = ref<AppLink | null>(null);
  watch(
    () => editor.templateId,
    async (id) => {
      linked.value = null;
      if (!id) return;
      // Unreadable link (an old library, main busy): no app rule shown, the export still checks it.
      const found = await apps.link(id).catch(() => null);
      if (editor.templateId === id) linked.value = found;
    },
    { immediate: true },
  );
  const problems = computed(() => (linked.value ? checkUserData({ ...editor.projectFiles(), yaml: editor.doc.text }) : []));
  return { link: computed(() => linked.value), problems };
}
