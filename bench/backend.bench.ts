// `npm run bench` (backend part): the shop against a bare Express 5 server on this machine, on
// the embedded database `npm run dev` uses (persistent) and the one `npm test` uses (in memory),
// or on MONGODB_URI when set. Writes bench/results.md, bench/results.json and bench/latency.svg.
// Reports; never fails (DESIGN.md § Testing).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkGoals, markdown, svg } from './report';
import { runOn, SAMPLES, SECONDS, SIZES, WARM_SECONDS, type DatabaseRun } from './scenarios';

async function main(): Promise<void> {
  const started = Date.now();
  const machine = `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}`;
  console.log(
    `\nBackend benchmark: ${SECONDS} s per load after ${WARM_SECONDS} s of warm-up, ${SAMPLES} samples per size, sizes ${SIZES.join(' / ')}`,
  );
  const runs: DatabaseRun[] = [];
  // With MONGODB_URI the stack uses it (E2E_MONGODB_URI opts the harness in); else both defaults.
  if (process.env.MONGODB_URI) process.env.E2E_MONGODB_URI ??= process.env.MONGODB_URI;
  const targets = process.env.E2E_MONGODB_URI ? [false] : [true, false];
  for (const persistent of targets) {
    const dir = persistent
      ? await mkdtemp(path.join(os.tmpdir(), 'checkout-lab-bench-'))
      : undefined;
    console.log(persistent ? 'Persistent (as npm run dev):' : 'Throw-away (as npm test):');
    try {
      runs.push(await runOn(dir, (line) => console.log(line)));
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }
  const at = new Date().toISOString();
  const table = markdown(runs, { at, machine, warmSeconds: WARM_SECONDS, cores: os.cpus().length });
  console.log(
    `\n${table}\n\n(${Math.round((Date.now() - started) / 1000)} s; benchmarks report, they never fail the build)\n`,
  );
  const out = __dirname;
  await writeFile(path.join(out, 'results.md'), `${table}\n`);
  await writeFile(
    path.join(out, 'results.json'),
    `${JSON.stringify({ at, machine, runs, goals: checkGoals(runs) }, null, 2)}\n`,
  );
  await writeFile(path.join(out, 'latency.svg'), `${svg(runs)}\n`);
}

main()
  .catch((err: unknown) =>
    console.error(
      `Backend benchmark could not run: ${err instanceof Error ? err.stack : String(err)}`,
    ),
  )
  .finally(() => process.exit(0));
