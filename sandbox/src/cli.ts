import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliBaseUrlFromEnv, parseFaultAssignments } from './config';
import { dialectChangeFromText } from './rupantorpay/dialect';
import type { DeliveryLogEntry } from './webhooks/webhook-delivery.service';

const USAGE = `Usage: npm run sandbox -- <command> [--url http://127.0.0.1:4010]

  events [--limit N] [--json]    the webhook delivery log (--> event, <-- response)
  trigger <event>                create real sandbox state that raises <event>
                                 Razorpay: payment.authorized|captured|failed, order.paid, refund.created|processed|failed
                                 Stripe: payment_intent.created|succeeded|payment_failed|requires_action|canceled,
                                         charge.succeeded|failed|refunded, refund.created
  resend <evt_id>                deliver a stored event again, byte for byte
  faults                         show webhook / API fault settings
  faults set name=value ...      e.g. faults set duplicate=0.5 tamper=1 delayMs=2000
  faults reset                   turn every fault off
  webhooks [set <url>... | clear] [--gateway stripe]
                                 show or replace the webhook targets (Razorpay's by default)
  settings [autoCapture=false] [timeScale=0.01]
  dialect [reset | <preset> key=value ...]  RupantorPay's wire variant, e.g. dialect seed000,
                                 dialect metadata=string webhookId=transactionID (docs/sandbox.md)
  health                         is a sandbox running at --url?`;

class CliError extends Error {}

interface EventView {
  id: string;
  type: string;
  deliveries: DeliveryLogEntry[];
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new CliError(
      `No sandbox is running at ${base} (${code}).\nStart one with \`npm -w sandbox start\`, or point the CLI at yours with --url.`,
    );
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const description = (data as { error?: { description?: string } } | null)?.error?.description;
    throw new CliError(`Sandbox answered ${res.status}: ${description ?? res.statusText}`);
  }
  return data;
}

export function formatDelivery(d: DeliveryLogEntry): string {
  const status = d.status === null ? 'ERR' : String(d.status);
  const notes = [
    d.attempt > 1 ? `attempt ${d.attempt}` : '',
    d.faults.length > 0 ? `fault: ${d.faults.join('+')}` : '',
    d.error ?? '',
    d.nextRetryInMs !== null ? `retry in ${d.nextRetryInMs} ms` : '',
  ].filter(Boolean);
  return `<-- [${status}] POST ${d.url}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`;
}

export function formatEvents(events: EventView[]): string {
  if (events.length === 0)
    return 'No events yet. Pay an order, or run: npm run sandbox -- trigger payment.captured';
  return events
    .flatMap((e) => [`--> ${e.type} [${e.id}]`, ...e.deliveries.map(formatDelivery)])
    .join('\n');
}

function parseAssignments(args: string[]): Record<string, boolean | number> {
  const out: Record<string, boolean | number> = {};
  for (const arg of args) {
    const [key, value] = arg.split('=');
    if (!key || value === undefined) throw new CliError(`Expected name=value, got "${arg}"`);
    out[key] = value === 'true' ? true : value === 'false' ? false : Number(value);
  }
  return out;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const args = [...argv];
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const [, value] = args.splice(i, 2);
    if (value === undefined) throw new CliError(`${name} needs a value`);
    return value;
  };
  const json = args.includes('--json') ? (args.splice(args.indexOf('--json'), 1), true) : false;
  const base = (flag('--url') ?? cliBaseUrlFromEnv(env)).replace(/\/$/, '');
  const limit = flag('--limit');
  const gateway = flag('--gateway');
  const [command, ...rest] = args;
  const show = (data: unknown): string => JSON.stringify(data, null, 2);

  switch (command) {
    case 'events': {
      const data = (await call(base, 'GET', `/events?limit=${Number(limit) || 50}`)) as {
        events: EventView[];
      };
      return json ? show(data) : formatEvents(data.events);
    }
    case 'trigger': {
      if (!rest[0]) throw new CliError('Usage: trigger <event>, e.g. trigger payment.captured');
      const data = (await call(base, 'POST', '/trigger', { event: rest[0] })) as {
        events: { id: string; type: string }[];
      };
      return json ? show(data) : data.events.map((e) => `--> ${e.type} [${e.id}]`).join('\n');
    }
    case 'resend': {
      if (!rest[0]) throw new CliError('Usage: resend <evt_id>');
      const data = (await call(base, 'POST', `/events/${encodeURIComponent(rest[0])}/resend`)) as {
        type: string;
        resent: string;
      };
      return `--> ${data.type} [${data.resent}] (resent)`;
    }
    case 'faults': {
      if (rest[0] === 'reset') return show(await call(base, 'DELETE', '/faults'));
      if (rest[0] === 'set') {
        let faults;
        try {
          faults = parseFaultAssignments(rest.slice(1).join(' '));
        } catch (err) {
          throw new CliError((err as Error).message);
        }
        return show(await call(base, 'PUT', '/faults', faults));
      }
      return show(await call(base, 'GET', '/faults'));
    }
    case 'webhooks': {
      const which = gateway ? { gateway } : {};
      if (rest[0] === 'clear')
        return show(await call(base, 'PUT', '/webhooks', { urls: [], ...which }));
      if (rest[0] === 'set')
        return show(await call(base, 'PUT', '/webhooks', { urls: rest.slice(1), ...which }));
      const query = gateway ? `?gateway=${encodeURIComponent(gateway)}` : '';
      return show(await call(base, 'GET', `/webhooks${query}`));
    }
    case 'settings':
      return show(
        rest.length > 0
          ? await call(base, 'PUT', '/settings', parseAssignments(rest))
          : await call(base, 'GET', '/settings'),
      );
    case 'dialect': {
      if (rest[0] === 'reset') return show(await call(base, 'DELETE', '/rupantorpay/dialect'));
      if (rest.length === 0) return show(await call(base, 'GET', '/rupantorpay/dialect'));
      let change;
      try {
        change = dialectChangeFromText(rest.join(' '));
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      return show(await call(base, 'PUT', '/rupantorpay/dialect', change));
    }
    case 'health':
      return show(await call(base, 'GET', '/health'));
    default:
      throw new CliError(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
}

if (require.main === module) {
  const envFile = resolve(__dirname, '../../.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  run(process.argv.slice(2), process.env).then(
    (out) => console.log(out),
    (err: unknown) => {
      console.error(err instanceof CliError ? err.message : err);
      process.exit(1);
    },
  );
}
