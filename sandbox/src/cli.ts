// `npm run sandbox -- <command>`: the sandbox's control API (/_sandbox) from a terminal.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, parseCommandArgs, parseUserText, wholeNumber, type Options } from './cli-args';
import { call, parseSettings } from './cli-client';
import { followEvents, formatEvents, type EventView } from './cli-events';
import { cliBaseUrlFromEnv, parseFaultAssignments } from './config';
import { dialectChangeFromText } from './rupantorpay/dialect';

export { formatDelivery, formatEvents } from './cli-events';

const COMMON = '[--url http://127.0.0.1:4010] [--json]';

interface CommandContext {
  base: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: CliIo;
}

interface Command {
  usage: string;
  help: string;
  options?: Options;
  run(ctx: CommandContext): Promise<string>;
}

export interface CliIo {
  /** Where `events --follow` prints as it goes. */
  print(line: string): void;
  /** Stops `events --follow` (Ctrl-C). */
  signal?: AbortSignal;
}

const show = (data: unknown): string => JSON.stringify(data, null, 2);

const COMMANDS: Record<string, Command> = {
  events: {
    usage: 'events [--limit N] [--follow]',
    help: 'The webhook delivery log: --> each event raised, <-- each delivery attempt.\n  --limit N   the last N events (1–500, default 50)\n  --follow    keep printing new events and deliveries, with their times (Ctrl-C stops)',
    options: { limit: { type: 'string' }, follow: { type: 'boolean', short: 'f' } },
    async run({ base, values, io }) {
      const limit = wholeNumber('limit', values.limit as string | undefined, {
        min: 1,
        max: 500,
        fallback: 50,
      });
      const load = async () =>
        ((await call(base, 'GET', `/events?limit=${limit}`)) as { events: EventView[] }).events;
      if (values.follow) {
        const signal = io.signal ?? new AbortController().signal;
        await followEvents(load, io.print, signal);
        return '';
      }
      const events = await load();
      return values.json ? show({ events }) : formatEvents(events);
    },
  },
  trigger: {
    usage: 'trigger <event>',
    help: 'Creates real sandbox state that raises <event>.\n  Razorpay: payment.authorized|captured|failed, order.paid, refund.created|processed|failed\n  Stripe:   payment_intent.created|succeeded|payment_failed|requires_action|canceled,\n            charge.succeeded|failed|refunded, refund.created',
    async run({ base, values, positionals }) {
      if (!positionals[0])
        throw new CliError('Usage: trigger <event>, e.g. trigger payment.captured');
      const data = (await call(base, 'POST', '/trigger', { event: positionals[0] })) as {
        events: { id: string; type: string }[];
      };
      return values.json
        ? show(data)
        : data.events.map((e) => `--> ${e.type} [${e.id}]`).join('\n');
    },
  },
  resend: {
    usage: 'resend <evt_id>',
    help: 'Delivers a stored event again, byte for byte (same id, same body).',
    async run({ base, values, positionals }) {
      if (!positionals[0]) throw new CliError('Usage: resend <evt_id>');
      const data = (await call(
        base,
        'POST',
        `/events/${encodeURIComponent(positionals[0])}/resend`,
      )) as { type: string; resent: string };
      return values.json ? show(data) : `--> ${data.type} [${data.resent}] (resent)`;
    },
  },
  faults: {
    usage: 'faults [set name=value ... | reset]',
    help: 'Shows, changes or resets the webhook and API faults.\n  e.g. faults set duplicate=0.5 tamper=1 delayMs=2000 (docs/sandbox.md lists them)',
    async run({ base, positionals: [action, ...rest] }) {
      if (action === 'reset') return show(await call(base, 'DELETE', '/faults'));
      if (action === 'set') {
        const faults = parseUserText(() => parseFaultAssignments(rest.join(' ')));
        return show(await call(base, 'PUT', '/faults', faults));
      }
      if (action) throw new CliError(`faults takes set or reset, not "${action}"`);
      return show(await call(base, 'GET', '/faults'));
    },
  },
  webhooks: {
    usage: 'webhooks [set <url>... | clear] [--gateway razorpay|stripe]',
    help: "Shows or replaces where webhooks go (Razorpay's targets unless --gateway stripe).",
    options: { gateway: { type: 'string' } },
    async run({ base, values, positionals: [action, ...rest] }) {
      const gateway = values.gateway as string | undefined;
      if (gateway !== undefined && gateway !== 'razorpay' && gateway !== 'stripe')
        throw new CliError(`--gateway must be razorpay or stripe, not "${gateway}"`);
      const which = gateway ? { gateway } : {};
      if (action === 'clear')
        return show(await call(base, 'PUT', '/webhooks', { urls: [], ...which }));
      if (action === 'set')
        return show(await call(base, 'PUT', '/webhooks', { urls: rest, ...which }));
      if (action) throw new CliError(`webhooks takes set or clear, not "${action}"`);
      const query = gateway ? `?gateway=${gateway}` : '';
      return show(await call(base, 'GET', `/webhooks${query}`));
    },
  },
  settings: {
    usage: 'settings [autoCapture=false] [timeScale=0.01]',
    help: 'Shows or changes runtime settings.',
    async run({ base, positionals }) {
      return show(
        positionals.length > 0
          ? await call(base, 'PUT', '/settings', parseSettings(positionals))
          : await call(base, 'GET', '/settings'),
      );
    },
  },
  dialect: {
    usage: 'dialect [reset | <preset> key=value ...]',
    help: "RupantorPay's wire variant, e.g. dialect seed000, dialect metadata=string webhookId=transactionID\n(docs/sandbox.md lists the presets and keys).",
    async run({ base, positionals }) {
      if (positionals[0] === 'reset')
        return show(await call(base, 'DELETE', '/rupantorpay/dialect'));
      if (positionals.length === 0) return show(await call(base, 'GET', '/rupantorpay/dialect'));
      const change = parseUserText(() => dialectChangeFromText(positionals.join(' ')));
      return show(await call(base, 'PUT', '/rupantorpay/dialect', change));
    },
  },
  health: {
    usage: 'health',
    help: 'Is a sandbox running at --url?',
    async run({ base }) {
      return show(await call(base, 'GET', '/health'));
    },
  },
};

export const USAGE = [
  `Usage: npm run sandbox -- <command> ${COMMON}`,
  '',
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.help.split('\n')[0]}`),
  '',
  'npm run sandbox -- <command> --help explains one command.',
].join('\n');

function helpFor(name: string, command: Command): string {
  return `Usage: npm run sandbox -- ${command.usage} ${COMMON}\n\n${command.help}`;
}

export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = { print: (line) => console.log(line) },
): Promise<string> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' && args[0] ? COMMANDS[args[0]] : undefined;
    return topic ? helpFor(args[0]!, topic) : USAGE;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}".\n\n${USAGE}`);
  const { values, positionals } = parseCommandArgs(name, args, command.options ?? {});
  if (values.help) return helpFor(name, command);
  const base = ((values.url as string | undefined) ?? cliBaseUrlFromEnv(env)).replace(/\/$/, '');
  return command.run({ base, values, positionals, io });
}

if (require.main === module) {
  const envFile = resolve(__dirname, '../../.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  run(process.argv.slice(2), process.env, {
    print: (line) => console.log(line),
    signal: stop.signal,
  }).then(
    (out) => {
      if (out) console.log(out);
    },
    (err: unknown) => {
      console.error(err instanceof CliError ? err.message : err);
      process.exit(1);
    },
  );
}
