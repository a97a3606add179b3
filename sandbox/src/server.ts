import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfigFromEnv } from './config';
import { createContext } from './context';
import { closeServer, listen } from './index';

// The repo-root .env is shared with the backend, so one file makes both sides agree on keys.
const envFile = resolve(__dirname, '../../.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

async function main(): Promise<void> {
  const config = loadConfigFromEnv(process.env);
  const ctx = createContext(config);
  const server = createServer(buildApp(ctx));
  await listen(server, config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  ctx.log.info(`gateway sandbox listening on ${url}`);
  // What each gateway's base URL is, for people wiring something else to it (LOG_LEVEL=debug).
  ctx.log.debug(
    {
      razorpayApiBase: `${url}/razorpay`,
      checkoutScript: `${url}/razorpay/checkout.js`,
      rupantorpayApiBase: `${url}/rupantorpay/api`,
      stripeApiBase: url,
      stripeJs: `${url}/stripe/v3/`,
      webhookUrls: config.webhookUrls,
      stripeWebhookUrls: config.stripeWebhookUrls,
      autoCapture: config.autoCapture,
      snapshotFile: config.snapshotFile,
    },
    'sandbox settings',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'sandbox shutting down');
    void closeServer(server, ctx).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Sandbox port is already in use. Set SANDBOX_PORT to another port. (${(err as Error).message})`,
    );
  } else console.error(err);
  process.exit(1);
});
