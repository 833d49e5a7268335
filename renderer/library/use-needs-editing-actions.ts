// The deploy dialog's two ways on from a "needs editing" refusal (SPEC 1.4):
// Edit closes the dialog and opens the template on the canvas; Check again
// re-checks the template (useRecheck) and reads the version's status anew,
// which lifts the block when the template is usable now.
import { useI18n } from 'vue-i18n';
import { useAppStore } from '../stores/app';
import { useDeployStore } from '../stores/deploy';
import { useEditorStore } from '../stores/editor';
import { useNavStore } from '../stores/nav';
import { resourceChecksNote, useRecheck } from './use-recheck';

export function useNeedsEditingActions() {
  const { t } = useI18n();
  const app = useAppStore();
  const deploy = useDeployStore();
  const editor = useEditorStore();
  const nav = useNavStore();
  const { busy, recheck: run } = useRecheck();

  const templateId = (): string | null => (deploy.target?.source.kind === 'library' ? deploy.target.source.templateId : null);

  async function edit(): Promise<void> {
    const id = templateId();
    if (!id) return;
    try {
      deploy.close();
      await editor.open(id);
      nav.go('editor');
    } catch (err) {
      app.reportError(err);
    }
  }

  async function recheck(): Promise<void> {
    const id = templateId();
    if (!id) return;
    try {
      const r = await run(id);
      await deploy.refreshStatus();
      const verdict = r.status === 'usable' ? t('needsEditing.nowUsable') : t('needsEditing.stillNeedsEditing');
      app.toast('info', [verdict, resourceChecksNote(r.resourceChecks, t)].filter(Boolean).join(' '));
    } catch (err) {
      app.reportError(err);
    }
  }

  return { busy, edit, recheck };
}
