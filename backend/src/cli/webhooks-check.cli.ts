// Entry point of `npm run webhooks:check [url]`: the tunnel's URL by default, else the local backend.
import { loadConfigOrExit } from '../config';
import { readTunnelUrl } from './tunnel-state';
import { runWebhooksCheck } from './webhooks-check';

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const url =
    process.argv[2] ?? (await readTunnelUrl(config.dataDir)) ?? `http://127.0.0.1:${config.port}`;
  return runWebhooksCheck({
    url,
    webhookSecret: config.razorpay.webhookSecret,
    // ADMIN_TOKEN, or in development the token the backend keeps in the data folder.
    adminToken: config.adminToken,
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
