import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { MemoryStore, snapshotSchema } from './memory.store';

// Writes are coalesced: a burst of mutations (one payment raises several) costs one write.
const WRITE_DELAY_MS = 100;

/** Loads `file` into `store` (if present and valid) and keeps it updated after every change. */
export function attachSnapshot(store: MemoryStore, file: string, log: Logger): { flush(): void } {
  if (existsSync(file)) {
    try {
      const parsed = snapshotSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) {
        store.load(parsed.data);
        log.info(
          { file, orders: parsed.data.orders.length },
          'sandbox state restored from snapshot',
        );
      } else {
        log.warn({ file }, 'snapshot file does not match the expected shape; starting empty');
      }
    } catch (err) {
      log.warn({ file, err: (err as Error).message }, 'snapshot file unreadable; starting empty');
    }
  }

  let timer: NodeJS.Timeout | null = null;
  const write = (): void => {
    timer = null;
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Write then rename, so a crash mid-write never leaves a truncated snapshot behind.
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(store.toSnapshot()));
      renameSync(tmp, file);
    } catch (err) {
      log.error({ file, err: (err as Error).message }, 'could not write snapshot');
    }
  };
  store.onChange(() => {
    if (timer) return;
    timer = setTimeout(write, WRITE_DELAY_MS);
    timer.unref();
  });
  return {
    flush(): void {
      if (timer) {
        clearTimeout(timer);
        write();
      }
    },
  };
}
