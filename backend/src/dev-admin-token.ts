// In development, an unset ADMIN_TOKEN is generated once and kept in the data folder, so it
// survives restarts and `npm run admin-token` can show it again. Never in production (which
// requires ADMIN_TOKEN) or in tests; a configured ADMIN_TOKEN is never written or printed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEV_ADMIN_TOKEN_FILE = 'admin-token';

const TOKEN = /^[\w-]{16,}$/;

export function devAdminTokenPath(dataDir: string): string {
  return path.join(dataDir, DEV_ADMIN_TOKEN_FILE);
}

/** The kept token, or undefined when there is none (or the file holds no usable token). */
export function readDevAdminToken(dataDir: string): string | undefined {
  try {
    const token = readFileSync(devAdminTokenPath(dataDir), 'utf8').trim();
    return TOKEN.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

/** The kept token; the first call makes one (readable by this user only). */
export function readOrCreateDevAdminToken(dataDir: string): string {
  const kept = readDevAdminToken(dataDir);
  if (kept) return kept;
  const token = randomBytes(24).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': when two processes start at once, the first one's token is the one kept.
    writeFileSync(devAdminTokenPath(dataDir), `${token}\n`, { mode: 0o600, flag: 'wx' });
    return token;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another process wrote a token between our read and our write: use that one. A file that
    // exists but holds no usable token is replaced.
    const theirs = readDevAdminToken(dataDir);
    if (theirs) return theirs;
    writeFileSync(devAdminTokenPath(dataDir), `${token}\n`, { mode: 0o600 });
    return token;
  }
}
