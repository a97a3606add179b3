// `npm start` (after `npm run build`): the production-like stack. The built backend serves the
// built storefront; in sandbox mode the offline gateway runs beside it. Production requires
// MONGODB_URI; without one, this launcher starts the embedded database itself (a local demo,
// seeded with the demo products) and says so.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import concurrently from 'concurrently';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, banner, hasScript, loadRootEnv, ports, sandboxMode } from './lib/workspace.mjs';
import {
  BACKEND_SERVICE,
  exitIfPortsTaken,
  portInUseMessage,
  waitForService,
} from './lib/readiness.mjs';

loadRootEnv();
process.env.NODE_ENV ??= 'production';
const p = ports();
// The storefront and its API share one origin in production.
process.env.PUBLIC_BASE_URL ??= `http://localhost:${p.backend}`;
// Production requires ADMIN_TOKEN. On a laptop, make one up for this run and say so; a real
// deployment sets its own.
if (!process.env.ADMIN_TOKEN) {
  process.env.ADMIN_TOKEN = randomBytes(24).toString('base64url');
  console.log(
    `ADMIN_TOKEN is not set: using ${process.env.ADMIN_TOKEN} for this run (set it in .env for a real deployment).`,
  );
}

if (!existsSync(path.join(ROOT, 'backend', 'dist', 'server.js'))) {
  console.error('backend/dist is missing: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}

// As in `npm run dev`: a port someone else holds is a clear stop, never a silent stand-in.
const wanted = [[p.backend, 'PORT']];
if (sandboxMode() && hasScript('sandbox', 'start')) wanted.unshift([p.sandbox, 'SANDBOX_PORT']);
await exitIfPortsTaken(wanted);

const localDatabase = process.env.MONGODB_URI ? undefined : await startLocalDatabase();

const commands = [];
if (sandboxMode() && hasScript('sandbox', 'start')) {
  commands.push({ name: 'sandbox', command: 'npm start -w sandbox', prefixColor: 'magenta' });
}
commands.push({ name: 'backend', command: 'npm start -w backend', prefixColor: 'cyan' });

const { result, commands: running } = concurrently(commands, {
  cwd: ROOT,
  prefix: 'name',
  killOthersOn: ['failure', 'success'],
});

waitForService(`http://127.0.0.1:${p.backend}/api/health`, BACKEND_SERVICE).then((outcome) => {
  if (outcome.state === 'ready') {
    console.log(banner([`Checkout Lab (production build) at http://localhost:${p.backend}`]));
  } else if (outcome.state === 'foreign') {
    console.error(portInUseMessage(p.backend, 'PORT', `another server (${outcome.answer})`));
    for (const command of running) command.kill();
  }
});

result.then(
  async () => {
    await localDatabase?.stop();
    process.exit(0);
  },
  async () => {
    await localDatabase?.stop();
    process.exit(1);
  },
);

/**
 * The embedded database (backend/src/db/local-database.script.ts) in its own process: the
 * backend in production mode only ever connects to MONGODB_URI, so we hand it this one.
 */
async function startLocalDatabase() {
  const script = path.join(ROOT, 'backend', 'dist', 'db', 'local-database.script.js');
  const child = spawn(process.execPath, ['--conditions=checkout-lab-dist', script], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    // The local demo database is development tooling, not the production process.
    env: { ...process.env, NODE_ENV: 'development' },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const prefix = '\x1b[34m[database]\x1b[0m ';
  const ready = await new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('DATABASE_READY ')) resolve(JSON.parse(line.slice(15)));
      else console.log(prefix + line);
    });
    void exited.then(() => resolve(undefined));
  });
  if (!ready) {
    console.error('The local database did not start (see above); or set MONGODB_URI.');
    process.exit(1);
  }
  console.log(
    `${prefix}MONGODB_URI is not set: using a local embedded database, ${ready.description}, for this run (a real deployment sets MONGODB_URI).`,
  );
  if (ready.seeded > 0)
    console.log(`${prefix}Seeded ${ready.seeded} demo products into it (it was empty).`);
  process.env.MONGODB_URI = ready.uri;
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
