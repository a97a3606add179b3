import { SCRIPT_LOAD_TIMEOUT_MS } from '../../config/store';

export class ScriptLoadError extends Error {
  constructor(
    readonly src: string,
    reason: string,
  ) {
    super(
      `The payment window could not be loaded (${reason}). Check your connection, or an ad or script blocker, and try again.`,
    );
    this.name = 'ScriptLoadError';
  }
}

const loading = new Map<string, Promise<void>>();

/**
 * Adds `<script src>` once per URL and resolves when it has run. A failed load is forgotten
 * (and its tag removed) so that "Try again" really tries again.
 */
export function loadScript(src: string, timeoutMs = SCRIPT_LOAD_TIMEOUT_MS): Promise<void> {
  const pending = loading.get(src);
  if (pending) return pending;

  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    const timer = setTimeout(() => fail('it took too long'), timeoutMs);
    function fail(reason: string) {
      clearTimeout(timer);
      script.remove();
      loading.delete(src);
      reject(new ScriptLoadError(src, reason));
    }
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => fail('the script did not load');
    document.head.append(script);
  });
  loading.set(src, promise);
  return promise;
}
