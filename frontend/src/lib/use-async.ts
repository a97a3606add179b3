import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, toApiError } from './api-client';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the current request settles; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload(): void;
}

interface Settled<T> {
  request: object;
  data?: T;
  error?: ApiError;
}

/**
 * Runs `load` (memoise it with useCallback) and again whenever it changes or `reload()` is
 * called. Answers that arrive after a newer request started are dropped, so a slow first
 * response can never overwrite a fresh one.
 */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const [version, setVersion] = useState(0);
  // A fresh object per (load, version): the identity of "the current request".
  const request = useMemo(() => ({ load, version }), [load, version]);
  const [settled, setSettled] = useState<Settled<T>>();

  useEffect(() => {
    let current = true;
    request.load().then(
      (data) => current && setSettled({ request, data }),
      (err: unknown) =>
        current && setSettled((prev) => ({ request, data: prev?.data, error: toApiError(err) })),
    );
    return () => {
      current = false;
    };
  }, [request]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: settled?.data,
    error: settled?.request === request ? settled.error : undefined,
    loading: settled?.request !== request,
    reload,
  };
}
