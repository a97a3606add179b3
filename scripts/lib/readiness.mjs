// Is it *our* server that answers? `npm run dev` used to treat any HTTP answer as ready, so it
// announced "Checkout Lab is running" while another program owned the port. Each of our servers
// names itself in its health answer ({ service, instance }); anything else is a foreign server.
import { connect } from 'node:net';

export const BACKEND_SERVICE = 'checkout-lab-backend';
export const SANDBOX_SERVICE = 'checkout-lab-sandbox';

/**
 * Polls `url` until `service` answers there.
 * @returns {Promise<{ state: 'ready', instance: string }
 *   | { state: 'foreign', answer: string }
 *   | { state: 'timeout' }>}
 */
export async function waitForService(
  url,
  service,
  { timeoutMs = 10 * 60_000, intervalMs = 500 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let res;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    } catch {
      // Nothing listening yet (or too slow): our server may still be starting.
      await new Promise((r) => setTimeout(r, intervalMs));
      continue;
    }
    const text = await res.text().catch(() => '');
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body?.service === service) return { state: 'ready', instance: String(body.instance) };
    // Someone else answered: waiting longer would only wait for a port that is not ours.
    return { state: 'foreign', answer: describeAnswer(res, body, text) };
  }
  return { state: 'timeout' };
}

function describeAnswer(res, body, text) {
  if (typeof body?.service === 'string') return `HTTP ${res.status} from "${body.service}"`;
  const server = res.headers.get('server');
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return `HTTP ${res.status}${server ? ` from ${server}` : ''}${snippet ? `: ${snippet}` : ''}`;
}

/** Does anything accept connections on this port on loopback (IPv4 or IPv6)? */
export async function portTaken(port) {
  const tries = ['127.0.0.1', '::1'].map(
    (host) =>
      new Promise((resolve) => {
        const socket = connect({ port, host });
        const done = (taken) => {
          socket.destroy();
          resolve(taken);
        };
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
        socket.setTimeout(1000, () => done(false));
      }),
  );
  return (await Promise.all(tries)).some(Boolean);
}

/** The sentence for a port someone else holds: which port, which variable to change. */
export function portInUseMessage(port, variable, what = 'another program') {
  return `Port ${port} is already in use by ${what}. Stop it, or set ${variable} to a free port (for example in .env).`;
}

/**
 * Before a launcher starts anything: stops it with the port-in-use sentence when any of the
 * `[port, variable]` pairs is held by another program.
 * @param {Array<[number, string]>} wanted
 */
export async function exitIfPortsTaken(wanted) {
  for (const [port, variable] of wanted) {
    if (await portTaken(port)) {
      console.error(portInUseMessage(port, variable));
      process.exit(1);
    }
  }
}
