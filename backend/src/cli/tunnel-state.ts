// The open tunnel's URL, written by `npm run tunnel` so `npm run webhooks:check` can find it.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const file = (dataDir: string) => path.join(dataDir, 'tunnel.json');

export async function saveTunnelUrl(dataDir: string, url: string, port: number): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(file(dataDir), JSON.stringify({ url, port, openedAt: new Date().toISOString() }));
}

export async function readTunnelUrl(dataDir: string): Promise<string | undefined> {
  try {
    const state = JSON.parse(await readFile(file(dataDir), 'utf8')) as { url?: unknown };
    return typeof state.url === 'string' ? state.url : undefined;
  } catch {
    return undefined;
  }
}

export async function clearTunnelUrl(dataDir: string): Promise<void> {
  await rm(file(dataDir), { force: true });
}
