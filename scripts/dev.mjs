// `npm run dev`: starts every workspace that exists (sandbox, backend, frontend) with prefixed,
// coloured logs; Ctrl-C (or any one crashing) stops them all. Prints the URLs once they answer.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import concurrently from 'concurrently';
import {
  ROOT,
  banner,
  hasScript,
  loadRootEnv,
  ports,
  sandboxMode,
  waitForUrl,
} from './lib/workspace.mjs';
import {
  BACKEND_SERVICE,
  SANDBOX_SERVICE,
  portInUseMessage,
  exitIfPortsTaken,
  waitForService,
} from './lib/readiness.mjs';

loadRootEnv();
process.env.NODE_ENV ??= 'development';
const p = ports();
const useSandbox = sandboxMode() && hasScript('sandbox', 'dev');

// --silent: npm's own "> script" echo is four lines per workspace that say nothing.
const commands = [];
if (useSandbox) {
  commands.push({
    name: 'sandbox',
    command: 'npm run --silent dev -w sandbox',
    prefixColor: 'magenta',
  });
}
commands.push({ name: 'backend', command: 'npm run --silent dev -w backend', prefixColor: 'cyan' });
if (hasScript('frontend', 'dev')) {
  commands.push({
    name: 'frontend',
    command: 'npm run --silent dev -w frontend',
    prefixColor: 'green',
  });
}

// Before starting anything: a port someone else holds would make that server exit (or, under
// `tsx watch`, wait for a file change) while the other program answers in its place.
const wanted = [
  ...(useSandbox ? [[p.sandbox, 'SANDBOX_PORT']] : []),
  [p.backend, 'PORT'],
  ...(commands.some((c) => c.name === 'frontend') ? [[p.frontend, 'FRONTEND_PORT']] : []),
];
await exitIfPortsTaken(wanted);

const { result, commands: running } = concurrently(commands, {
  cwd: ROOT,
  prefix: 'name',
  killOthersOn: ['failure', 'success'],
  restartTries: 0,
});

console.log(
  `Starting ${commands.map((c) => c.name).join(', ')}… (the first start may fetch the embedded database from Maven Central: about a minute)`,
);

// Ready means our own servers answer with their names, not merely that a port answers.
const services = [
  {
    url: `http://127.0.0.1:${p.backend}/api/health`,
    service: BACKEND_SERVICE,
    port: p.backend,
    variable: 'PORT',
  },
];
if (useSandbox) {
  services.push({
    url: `http://127.0.0.1:${p.sandbox}/_sandbox/health`,
    service: SANDBOX_SERVICE,
    port: p.sandbox,
    variable: 'SANDBOX_PORT',
  });
}
const checks = services.map(async (s) => {
  const outcome = await waitForService(s.url, s.service);
  if (outcome.state === 'foreign') {
    console.error(
      portInUseMessage(s.port, s.variable, `a server that is not ${s.service} (${outcome.answer})`),
    );
  }
  return outcome.state === 'ready';
});
const hasFrontend = commands.some((c) => c.name === 'frontend');
if (hasFrontend) checks.push(waitForUrl(`http://127.0.0.1:${p.frontend}/`));

Promise.all(checks).then((ready) => {
  if (!ready.every(Boolean)) {
    console.error('Checkout Lab is not running: stopping everything.');
    for (const command of running) command.kill();
    process.exitCode = 1;
    return;
  }
  const lines = ['Checkout Lab is running. Ctrl-C stops everything.', ''];
  if (hasFrontend) {
    lines.push(`Storefront   http://localhost:${p.frontend}`);
    lines.push(`Admin        http://localhost:${p.frontend}/admin`);
  }
  lines.push(`API          http://localhost:${p.backend}/api/products`);
  lines.push(`API docs     http://localhost:${p.backend}/api/docs`);
  if (useSandbox) lines.push(`Sandbox      http://localhost:${p.sandbox}  (offline gateway)`);
  lines.push('', `Admin token  ${adminTokenLine()}`);
  console.log(banner(lines));
});

/**
 * The development token the backend keeps in the data folder (backend/src/dev-admin-token.ts);
 * a configured ADMIN_TOKEN is never printed.
 */
function adminTokenLine() {
  if (process.env.ADMIN_TOKEN) return '(ADMIN_TOKEN from your .env; not shown)';
  const file = path.join(path.resolve(ROOT, process.env.DATA_DIR ?? '.data'), 'admin-token');
  const token = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return token ? `${token}  (npm run admin-token shows it again)` : '(npm run admin-token)';
}

// The tunnel runs beside the others, not under concurrently: when it cannot open (no token,
// offline) it explains why and exits, and the rest of the stack keeps running.
if (process.argv.includes('--tunnel')) startTunnel();

function startTunnel() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/cli/tunnel.cli.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = '\x1b[33m[tunnel]\x1b[0m ';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(prefix + line));
  }
  child.on('exit', (code) => {
    if (code) console.log(`${prefix}not running (exit ${code}); everything else keeps running.`);
  });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

result.then(
  // A readiness failure stops the servers cleanly, but it is still a failure.
  () => process.exit(process.exitCode ?? 0),
  () => process.exit(1),
);
