// A dialog's actions run one at a time: `busy` disables its buttons while one
// runs and is cleared however it ends; the dialog stays open on a failure.
// One place for the busy/try/catch/finally every dialog used to write out.
import { ref, type Ref } from 'vue';
import { useAppStore } from '../stores/app';

export interface Action {
  busy: Ref<boolean>;
  run: (action: () => Promise<void>) => Promise<void>;
}

/**
 * Errors become a toast, unless `shows(err)` returns true: the dialog then
 * shows that error itself (a name already taken, a list of refusals...).
 */
export function useAction(shows?: (err: unknown) => boolean): Action {
  const app = useAppStore();
  const busy = ref(false);
  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true;
    try {
      await action();
    } catch (err) {
      if (!shows?.(err)) app.reportError(err);
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}

/**
 * The failure is said inside the dialog instead of a toast: `error` holds
 * `describe(err)` of the last run, and is cleared when the next one starts.
 */
export function useInlineAction(describe: (err: unknown) => string): Action & { error: Ref<string | null> } {
  const error = ref<string | null>(null);
  const { busy, run } = useAction((err) => {
    error.value = describe(err);
    return true;
  });
  return {
    busy,
    error,
    run: (action) => {
      error.value = null;
      return run(action);
    },
  };
}
