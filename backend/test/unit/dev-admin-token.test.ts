import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  devAdminTokenPath,
  readDevAdminToken,
  readOrCreateDevAdminToken,
} from '../../src/dev-admin-token';

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'admin-token-')), '.data');

test('when no token is kept yet, then one is made, kept readable by this user only, and reused', () => {
  const dir = freshDir();
  expect(readDevAdminToken(dir)).toBeUndefined();
  const token = readOrCreateDevAdminToken(dir);
  expect(token).toMatch(/^[\w-]{32}$/);
  expect(readFileSync(devAdminTokenPath(dir), 'utf8').trim()).toBe(token);
  if (process.platform !== 'win32') {
    expect(statSync(devAdminTokenPath(dir)).mode & 0o777).toBe(0o600);
  }
  // A restart (another process, the same folder) gets the same token.
  expect(readOrCreateDevAdminToken(dir)).toBe(token);
  expect(readDevAdminToken(dir)).toBe(token);
});

test('when the kept file holds no usable token, then a new one replaces it', () => {
  const dir = freshDir();
  readOrCreateDevAdminToken(dir);
  writeFileSync(devAdminTokenPath(dir), 'short\n');
  const token = readOrCreateDevAdminToken(dir);
  expect(token).not.toBe('short');
  expect(readDevAdminToken(dir)).toBe(token);
});
