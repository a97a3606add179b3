// `npm run tunnel`: a public HTTPS URL for the local backend through ngrok, so the real
// Razorpay (test mode) can deliver webhooks to a laptop. The ngrok client is injected: tests
// run it without a network, and every failure ends in a sentence, never a stack trace.
import type { Config } from '../config';
import { RAZORPAY_WEBHOOK_EVENTS } from '../gateways/razorpay.mappers';
import { STRIPE_WEBHOOK_EVENTS } from '../gateways/stripe.mappers';
import { clearTunnelUrl, saveTunnelUrl } from './tunnel-state';

export interface TunnelListener {
  url(): string | null;
  close(): Promise<void>;
}

export interface TunnelDeps {
  config: Pick<Config, 'port' | 'ngrok' | 'mode' | 'dataDir'> & Partial<Pick<Config, 'stripe'>>;
  /** `@ngrok/ngrok`'s forward(), or a fake. */
  forward(options: { addr: number; authtoken: string; domain?: string }): Promise<TunnelListener>;
  /** Resolves on Ctrl-C / SIGTERM. */
  waitForStop(): Promise<void>;
  isBackendUp(port: number): Promise<boolean>;
  print(line: string): void;
  printError(line: string): void;
  /** Forward to another local port (e.g. the storefront); the backend's PORT by default. */
  port?: number;
}

export const MISSING_TOKEN_MESSAGE = `npm run tunnel needs an ngrok authtoken, and NGROK_AUTHTOKEN is not set.

  1. Sign up (free) at https://dashboard.ngrok.com/signup
  2. Copy your authtoken from https://dashboard.ngrok.com/get-started/your-authtoken
  3. Add it to .env at the repository root:
       NGROK_AUTHTOKEN=<your authtoken>
     and, if you reserved one, your static domain:
       NGROK_DOMAIN=<your-name>.ngrok-free.app
  4. Run npm run tunnel again, with npm run dev running.

No tunnel is needed to try webhooks offline: the sandbox already delivers them to your
backend (see them with: npm run sandbox -- events).`;

/** Turns the ngrok client's errors into what a user can act on. */
export function explainTunnelError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { errorCode?: string } | undefined)?.errorCode ?? '';
  if (
    /ERR_NGROK_(105|106|107|4018)\b/.test(`${code} ${message}`) ||
    /authentication failed|authtoken/i.test(message)
  ) {
    return `ngrok rejected NGROK_AUTHTOKEN (${message}).\nCopy it again from https://dashboard.ngrok.com/get-started/your-authtoken into .env.`;
  }
  if (/failed to (establish|connect)|dns|timed? ?out|network|unreachable|refused/i.test(message)) {
    return (
      `Could not open the tunnel: the ngrok service could not be reached (${message}).\n` +
      'Check your internet connection, and that no firewall or proxy blocks outbound\n' +
      'connections to ngrok (connect.ngrok-agent.com, port 443).'
    );
  }
  if (/domain|hostname|ERR_NGROK_3(19|20|13)/i.test(`${code} ${message}`)) {
    return `ngrok refused the domain in NGROK_DOMAIN (${message}).\nUse a domain reserved on your account (https://dashboard.ngrok.com/domains), or unset NGROK_DOMAIN.`;
  }
  return `ngrok could not open the tunnel: ${message}`;
}

export function describeTunnel(
  publicUrl: string,
  localPort: number,
  mode: Config['mode'],
  stripeSandbox = true,
): string[] {
  const lines = [
    `Tunnel open: ${publicUrl} → http://localhost:${localPort}`,
    '',
    'In the Razorpay Dashboard (Test Mode) → Account & Settings → Webhooks → Add New Webhook:',
    `  Webhook URL    ${publicUrl}/api/webhooks/razorpay`,
    '  Secret         a long random string of your choosing; put the same value in .env as',
    '                 RAZORPAY_WEBHOOK_SECRET (it is NOT your API key secret), then restart',
    `  Active events  ${RAZORPAY_WEBHOOK_EVENTS.slice(0, 4).join(', ')},`,
    `                 ${RAZORPAY_WEBHOOK_EVENTS.slice(4).join(', ')}`,
    '',
    `RupantorPay's webhook URL, sent with each checkout once PUBLIC_BASE_URL=${publicUrl}:`,
    `  ${publicUrl}/api/webhooks/rupantorpay`,
    '',
    'In the Stripe Dashboard (test mode) → Developers → Webhooks → Add endpoint:',
    `  Endpoint URL   ${publicUrl}/api/webhooks/stripe`,
    `  Events         ${STRIPE_WEBHOOK_EVENTS.slice(0, 3).join(', ')},`,
    `                 ${STRIPE_WEBHOOK_EVENTS.slice(3).join(', ')}`,
    "  Secret         Stripe shows the endpoint's signing secret (whsec_…): put it in .env as",
    '                 STRIPE_WEBHOOK_SECRET, then restart',
    `  Or, with no tunnel: stripe listen --forward-to localhost:${localPort}/api/webhooks/stripe`,
    '',
    'Prove the whole path now, in another terminal:  npm run webhooks:check',
  ];
  if (mode === 'sandbox') {
    lines.push(
      '',
      'Note: .env still has the sandbox keys. Real Razorpay webhooks are signed with the secret',
      'you set in its dashboard: put your rzp_test_ keys and that secret in .env to receive them.',
    );
  }
  if (stripeSandbox) {
    lines.push(
      '',
      "Note: STRIPE_SECRET_KEY is still the sandbox's. Put your sk_test_… and pk_test_… keys and",
      "the endpoint's whsec_… in .env to pay with Stripe's test mode and receive its webhooks.",
    );
  }
  lines.push('', 'Press Ctrl-C to close the tunnel.');
  return lines;
}

export async function runTunnel(deps: TunnelDeps): Promise<number> {
  const { config } = deps;
  const port = deps.port ?? config.port;
  if (!config.ngrok.authtoken) {
    deps.printError(MISSING_TOKEN_MESSAGE);
    return 1;
  }
  if (!(await deps.isBackendUp(port))) {
    deps.print(
      `Nothing answers on http://localhost:${port} yet; start it with npm run dev. Opening the tunnel anyway…`,
    );
  }
  let listener: TunnelListener;
  try {
    listener = await deps.forward({
      addr: port,
      authtoken: config.ngrok.authtoken,
      domain: config.ngrok.domain,
    });
  } catch (err) {
    deps.printError(explainTunnelError(err));
    return 1;
  }
  const url = listener.url();
  if (!url) {
    deps.printError('ngrok opened a session but returned no public URL.');
    await listener.close();
    return 1;
  }
  await saveTunnelUrl(config.dataDir, url, port);
  for (const line of describeTunnel(url, port, config.mode, config.stripe?.sandbox ?? true)) {
    deps.print(line);
  }

  await deps.waitForStop();
  await listener.close().catch(() => {});
  await clearTunnelUrl(config.dataDir);
  deps.print('Tunnel closed.');
  return 0;
}
