export default async function globalTeardown(): Promise<void> {
  await globalThis.__DATABASE_SERVER__?.stop();
}
