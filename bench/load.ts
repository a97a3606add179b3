// A small closed-loop load generator on node:http keep-alive connections: N workers, each
// sending its next request when the last one answered. The same client measures the shop and
// the bare Express baseline, so their ratio compares servers, not clients.
import http from 'node:http';

export interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of many shapes
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!;
}

/** Latencies and counts of the requests sent through it. */
export class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  private readonly agent: http.Agent;

  constructor(
    private readonly base: string,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Sends one request; a non-2xx answer counts as an error and throws. */
  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const payload =
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const started = performance.now();
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers:
            payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    this.latencies.push(performance.now() - started);
    if (reply.status < 200 || reply.status > 299) {
      this.errors++;
      throw new Error(
        `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`,
      );
    }
    return reply;
  }

  close(): void {
    this.agent.destroy();
  }
}

function summarise(rec: Recorder, seconds: number): Stats {
  return {
    requests: rec.latencies.length,
    errors: rec.errors,
    seconds,
    rps: rec.latencies.length / seconds,
    p50: percentile(rec.latencies, 50),
    p99: percentile(rec.latencies, 99),
  };
}

/** `connections` workers repeat `step` for `seconds`; every request `step` sends is counted. */
export async function closedLoop(
  base: string,
  connections: number,
  seconds: number,
  step: (rec: Recorder) => Promise<unknown>,
): Promise<Stats> {
  const rec = new Recorder(base, connections);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let failure: unknown;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && !failure)
        await step(rec).catch((e) => (failure ??= e));
    }),
  );
  rec.close();
  if (failure && rec.errors > rec.latencies.length / 100) throw failure;
  return summarise(rec, (performance.now() - started) / 1000);
}

/**
 * Sends every item once through `connections` workers. With `openWith`, each connection is
 * opened first by one untimed GET of that path, so the timing is of requests on open
 * connections (what "at N connections" means), not of N connections opened at one instant.
 */
export async function pool<T>(
  base: string,
  connections: number,
  items: T[],
  step: (rec: Recorder, item: T) => Promise<unknown>,
  openWith?: string,
): Promise<Stats> {
  const rec = new Recorder(base, connections);
  if (openWith) {
    await Promise.all(Array.from({ length: connections }, () => rec.send('GET', openWith)));
    rec.latencies.length = 0;
  }
  const queue = [...items];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await step(rec, item).catch(() => {});
      }
    }),
  );
  rec.close();
  return summarise(rec, (performance.now() - started) / 1000);
}
