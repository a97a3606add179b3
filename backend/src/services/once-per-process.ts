/**
 * Runs `work` the first time the returned function is called and hands every later call the
 * same promise, so a one-off repair (a backfill that reads history) costs one run per process,
 * not one per sweep. A run that fails (the database was away) is forgotten: the next call tries
 * again.
 */
export function oncePerProcess(work: () => Promise<unknown>): () => Promise<unknown> {
  let run: Promise<unknown> | undefined;
  return () =>
    (run ??= work().catch((err: unknown) => {
      run = undefined;
      throw err;
    }));
}
