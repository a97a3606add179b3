// Entry point of `npm run webhooks:check [url]`: the tunnel's URL by default, else the local backend.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { readTunnelUrl } from './tunnel-state';
import { runWebhooksCheck } from './webhooks-check';

const envFile = path.resolve(__dirname, '..', '..', '..', '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const url =
    process.argv[2] ?? (await readTunnelUrl(config.dataDir)) ?? `http://127.0.0.1:${config.port}`;
  return runWebhooksCheck({
    url,
    webhookSecret: config.razorpay.webhookSecret,
    // A generated token is different in every process: only a configured one can be used here.
    adminToken: config.adminTokenGenerated ? undefined : config.adminToken,
    fetch,
    print: (line) => console.log(line),
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`webhooks:check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
