// Long git-library work (scanning a working copy of thousands of templates,
// parsing a 10,000-commit log, writing their versions into the cache) runs on
// the main process's event loop in slices: `pause()` yields to the requests
// waiting (a list, a search) once a slice has used its budget, so they wait
// a few milliseconds at most, never for the whole scan.
export type Pause = () => Promise<void>;

/** A pause that yields (setImmediate) once `budgetMs` of work has passed since the last yield. */
export function timeSlices(budgetMs = 6): Pause {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}

/** For callers that want the work in one go (a CLI, a test): never yields. */
export const noPause: Pause = () => Promise.resolve();
