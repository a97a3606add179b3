// Turns the runs into the report: a Markdown table, the goals from issue 16 checked, and an SVG
// chart (latency against data size and against load).
import type { CpuSplit } from './cpu';
import type { DatabaseRun, Paired } from './scenarios';
import type { Stats } from './load';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rps = (s: Stats) => Math.round(s.rps).toLocaleString('en');
const lat = (s: Stats) => `${ms(s.p50)} / ${ms(s.p99)}`;
const ratio = (s: Stats, bare: Stats) => `${(s.rps / bare.rps).toFixed(3)}×`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const header = (cells: string[]) =>
  [row(cells), row(cells.map((_, i) => (i === 0 ? '---' : '---:')))].join('\n');

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export function checkGoals(runs: DatabaseRun[]): Goal[] {
  const goals: Goal[] = [];
  for (const [i, run] of runs.entries()) {
    const name = `${String.fromCharCode(65 + i)} (${run.persistent ? 'npm run dev' : 'npm test'})`;
    const limit = run.persistent ? 2 : 1.5;
    const [first, last] = [run.curve[0]!, run.curve[run.curve.length - 1]!];
    const growth = last.verify / first.verify;
    goals.push({
      goal: `${name}: verify p50 at ${last.orders.toLocaleString('en')} orders ≤ ${limit}× its value at ${first.orders.toLocaleString('en')}`,
      measured: `${ms(last.verify)} ms / ${ms(first.verify)} ms = ${growth.toFixed(2)}×`,
      met: growth <= limit,
    });
    if (!run.persistent) continue;
    const { stats, bare } = run.at10.orderCheckout;
    const share = stats.rps / bare.rps;
    goals.push({
      goal: `${name}: order + checkout ≥ 0.05× bare Express requests/s`,
      measured: `${rps(stats)} / ${rps(bare)} = ${share.toFixed(3)}×`,
      met: share >= 0.05,
    });
    const at50 = run.webhooks.find((w) => w.connections === 50)!;
    goals.push({
      goal: `${name}: webhook ack p99 ≤ 250 ms at 50 connections, exactly once after`,
      measured: `${ms(at50.ack.p99)} ms; ${at50.exactlyOnce.ok ? 'exactly once' : `NOT exactly once: ${at50.exactlyOnce.detail}`}`,
      met: at50.ack.p99 <= 250 && at50.exactlyOnce.ok,
    });
  }
  return goals;
}

/** Where the order + checkout row's CPU went: per flow in each process, and how busy the cores were. */
function cpuTable(runs: DatabaseRun[], names: string[], cores: number): string[] {
  const total = (c: CpuSplit) => c.backend + (c.database ?? 0) + c.bench;
  const parts: Array<[string, (c: CpuSplit) => number | undefined]> = [
    ['backend (Node, one main thread)', (c) => c.backend],
    ['database server', (c) => c.database],
    ['this process: load generator + gateway sandbox', (c) => c.bench],
    ['all processes', total],
  ];
  const perFlow = (r: DatabaseRun, ms: number | undefined) =>
    ms === undefined ? '–' : (ms / (r.at10.orderCheckout.stats.requests / 2)).toFixed(1);
  const coresBusy = (r: DatabaseRun, ms: number) =>
    (ms / (r.at10.orderCheckout.stats.seconds * 1000)).toFixed(2);
  return [
    header(['order + checkout: CPU ms per flow', ...names]),
    ...parts.map(([label, pick]) =>
      row([label, ...runs.map((r) => perFlow(r, pick(r.orderCheckoutCpu.spent)))]),
    ),
    row([
      `cores busy during the row (of ${cores})`,
      ...runs.map((r) => coresBusy(r, total(r.orderCheckoutCpu.spent))),
    ]),
    row([
      'backend cores busy (its main thread can give 1)',
      ...runs.map((r) => coresBusy(r, r.orderCheckoutCpu.spent.backend)),
    ]),
    row([
      "open holds on the row's product after it",
      ...runs.map((r) => r.orderCheckoutCpu.openHoldsAfter.toLocaleString('en')),
    ]),
    '',
    'From each process’s CPU time (user + system) over the row. Every unpaid checkout leaves an',
    'entry in its product’s hold ledger until the hold expires, and each checkout rewrites that',
    'product’s document: the database’s share grows with the open holds (docs/database.md).',
  ];
}

export function markdown(
  runs: DatabaseRun[],
  meta: { at: string; machine: string; warmSeconds: number; cores: number },
): string {
  const names = runs.map((_, i) => String.fromCharCode(65 + i));
  const out: string[] = [`Backend benchmark, ${meta.at}, ${meta.machine}.`, ''];
  runs.forEach((r, i) =>
    out.push(
      `- **${names[i]}** = ${r.database}${r.persistent ? ' — what `npm run dev` uses' : ' — what `npm test` uses'}`,
    ),
  );
  out.push(
    '',
    header([
      'at 10 connections',
      ...names.flatMap((n) => [`${n} req/s`, `${n} p50 / p99 ms`, `${n} × bare`]),
    ]),
  );
  const routes: Array<[string, (r: DatabaseRun) => Paired]> = [
    ['bare Express 5, GET /json', (r) => ({ stats: r.bare.get, bare: r.bare.get })],
    ['bare Express 5, POST /json', (r) => ({ stats: r.bare.post, bare: r.bare.get })],
    ['GET /api/products', (r) => r.at10.products],
    ['POST /api/orders', (r) => r.at10.order],
    ['order + checkout (2 requests)', (r) => r.at10.orderCheckout],
    ['verify (fetches the payment)', (r) => r.at10.verify],
  ];
  for (const [label, pick] of routes)
    out.push(
      row([
        label,
        ...runs.flatMap((r) => {
          const { stats, bare } = pick(r);
          return [rps(stats), lat(stats), ratio(stats, bare)];
        }),
      ]),
    );

  out.push(
    '',
    '× bare: requests/s against a bare Express 5 `GET /json` run at 10 connections measured just',
    'before that row (the machine is shared, so only a ratio measured side by side means much).',
    `The rows follow ${meta.warmSeconds} s of unmeasured order + checkout at 10 connections, for the JITs.`,
  );
  out.push('', ...cpuTable(runs, names, meta.cores));
  out.push(
    '',
    header([
      'webhooks, each delivered twice',
      ...names.flatMap((n) => [`${n} ack p50 / p99 ms`, `${n} drained after`, `${n} effects`]),
    ]),
  );
  runs[0]!.webhooks.forEach((w, k) =>
    out.push(
      row([
        `${w.connections} connections, ${w.deliveries} posts`,
        ...runs.flatMap((r) => {
          const x = r.webhooks[k]!;
          return [
            lat(x.ack),
            `${x.drainSeconds.toFixed(1)} s`,
            x.exactlyOnce.ok
              ? `exactly once (${x.exactlyOnce.detail})`
              : `**${x.exactlyOnce.detail}**`,
          ];
        }),
      ]),
    ),
  );
  out.push(
    '',
    'Acknowledgements are timed on connections opened first (one untimed `GET /api/health` on',
    'each); the posts go in random order, so an event and its redelivery race.',
  );

  out.push(
    '',
    header([
      'orders present (p50 ms, one at a time)',
      ...names.flatMap((n) => [`${n} checkout`, `${n} verify`, `${n} GET order`]),
    ]),
  );
  runs[0]!.curve.forEach((_, k) =>
    out.push(
      row([
        runs.map((r) => r.curve[k]!.orders.toLocaleString('en')).join(' / '),
        ...runs.flatMap((r) => {
          const c = r.curve[k]!;
          return [ms(c.checkout), ms(c.verify), ms(c.getOrder)];
        }),
      ]),
    ),
  );

  out.push(
    '',
    header([
      'connections (p50 / p99 ms)',
      ...names.flatMap((n) => [`${n} GET /api/products`, `${n} POST /api/orders`]),
    ]),
  );
  runs[0]!.load.forEach((l, k) =>
    out.push(
      row([
        String(l.connections),
        ...runs.flatMap((r) => [lat(r.load[k]!.products), lat(r.load[k]!.order)]),
      ]),
    ),
  );

  out.push('', header(['goal (issue 16)', 'measured', '']));
  for (const g of checkGoals(runs))
    out.push(row([g.goal, g.measured, g.met ? 'met' : '**missed**']));
  return out.join('\n');
}

interface Series {
  label: string;
  color: string;
  dashed: boolean;
  points: Array<[number, number]>;
}

function panel(x0: number, title: string, xLabel: string, series: Series[]): string {
  const [w, h, pad] = [440, 260, 44];
  const xs = series.flatMap((s) => s.points.map((p) => Math.log10(p[0])));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [xMin, xMax, yMax] = [Math.min(...xs), Math.max(...xs), Math.max(...ys) * 1.1 || 1];
  const px = (x: number) =>
    x0 + pad + ((Math.log10(x) - xMin) / (xMax - xMin || 1)) * (w - 2 * pad);
  const py = (y: number) => 30 + h - pad - (y / yMax) * (h - 2 * pad);
  const ticks = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))];
  const parts = [
    `<text x="${x0 + w / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`,
    `<line x1="${px(ticks[0]!)}" y1="${py(0)}" x2="${x0 + w - pad}" y2="${py(0)}" stroke="#888"/>`,
    `<text x="${x0 + w / 2}" y="${30 + h - 8}" text-anchor="middle">${xLabel}</text>`,
    `<text x="${x0 + 12}" y="${py(yMax / 1.1)}" >${ms(yMax / 1.1)} ms</text>`,
    ...ticks.map(
      (t) =>
        `<text x="${px(t)}" y="${py(0) + 14}" text-anchor="middle">${t.toLocaleString('en')}</text>`,
    ),
  ];
  series.forEach((s, i) => {
    const d = s.points.map((p) => `${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="5 4"' : ''} points="${d}"/>`,
    );
    parts.push(
      `<text x="${x0 + w + 4}" y="${50 + i * 15}" fill="${s.color}">${s.dashed ? '- - ' : '—— '}${s.label}</text>`,
    );
  });
  return parts.join('\n');
}

export function svg(runs: DatabaseRun[]): string {
  const colors = ['#1f77b4', '#d62728', '#2ca02c'];
  const names = runs.map((_, i) => String.fromCharCode(65 + i));
  const bySize = runs.flatMap((r, i) =>
    (['checkout', 'verify', 'getOrder'] as const).map((k, j) => ({
      label: `${names[i]} ${k === 'getOrder' ? 'GET order' : k}`,
      color: colors[j]!,
      dashed: i > 0,
      points: r.curve.map((c) => [c.orders, c[k]] as [number, number]),
    })),
  );
  const byLoad = runs.flatMap((r, i) => [
    {
      label: `${names[i]} GET /api/products p99`,
      color: colors[0]!,
      dashed: i > 0,
      points: r.load.map((l) => [l.connections, l.products.p99] as [number, number]),
    },
    {
      label: `${names[i]} POST /api/orders p99`,
      color: colors[1]!,
      dashed: i > 0,
      points: r.load.map((l) => [l.connections, l.order.p99] as [number, number]),
    },
    {
      label: `${names[i]} webhook ack p99`,
      color: colors[2]!,
      dashed: i > 0,
      points: r.webhooks.map((w) => [w.connections, w.ack.p99] as [number, number]),
    },
  ]);
  const legend = runs
    .map((r, i) => `<text x="10" y="${330 + i * 15}">${names[i]} = ${r.database}</text>`)
    .join('\n');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1300" height="370" font-family="sans-serif" font-size="11">',
    '<rect width="100%" height="100%" fill="white"/>',
    panel(0, 'p50 latency vs orders already present', 'orders present (log scale)', bySize),
    panel(650, 'p99 latency vs load', 'concurrent connections (log scale)', byLoad),
    legend,
    '</svg>',
  ].join('\n');
}
