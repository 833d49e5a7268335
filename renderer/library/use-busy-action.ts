// A dialog's actions run one at a time: buttons disabled while one runs,
// its error reported as a toast, the dialog kept open.
import { ref, type Ref } from 'vue';
import { useAppStore } from '../stores/app';

export function useBusyAction(): { busy: Ref<boolean>; run: (action: () => Promise<void>) => Promise<void> } {
  const app = useAppStore();
  const busy = ref(false);
  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true;
    try {
      await action();
    } catch (err) {
      app.reportError(err);
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
