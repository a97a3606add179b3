// `npm run dev`: starts every workspace that exists (sandbox, backend, frontend) with prefixed,
// coloured logs; Ctrl-C (or any one crashing) stops them all. Prints the URLs once they answer.
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

loadRootEnv();
process.env.NODE_ENV ??= 'development';
const p = ports();
const useSandbox = sandboxMode() && hasScript('sandbox', 'dev');

const commands = [];
if (useSandbox) {
  commands.push({ name: 'sandbox', command: 'npm run dev -w sandbox', prefixColor: 'magenta' });
}
commands.push({ name: 'backend', command: 'npm run dev -w backend', prefixColor: 'cyan' });
if (hasScript('frontend', 'dev')) {
  commands.push({ name: 'frontend', command: 'npm run dev -w frontend', prefixColor: 'green' });
}
if (process.argv.includes('--tunnel') && hasScript('.', 'tunnel')) {
  commands.push({ name: 'tunnel', command: 'npm run tunnel', prefixColor: 'yellow' });
}

const { result } = concurrently(commands, {
  cwd: ROOT,
  prefix: 'name',
  killOthersOn: ['failure', 'success'],
  restartTries: 0,
});

console.log(
  `Starting ${commands.map((c) => c.name).join(', ')}… (the first start builds the embedded database, which can take a few minutes)`,
);

const checks = [waitForUrl(`http://127.0.0.1:${p.backend}/api/health`)];
if (useSandbox) checks.push(waitForUrl(`http://127.0.0.1:${p.sandbox}/_sandbox/health`));
const hasFrontend = commands.some((c) => c.name === 'frontend');
if (hasFrontend) checks.push(waitForUrl(`http://127.0.0.1:${p.frontend}/`));

Promise.all(checks).then((ready) => {
  if (!ready.every(Boolean)) return;
  const lines = ['Checkout Lab is running', ''];
  if (hasFrontend) lines.push(`Storefront   http://localhost:${p.frontend}`);
  lines.push(`API          http://localhost:${p.backend}/api/products`);
  if (useSandbox) lines.push(`Sandbox      http://localhost:${p.sandbox}  (offline gateway)`);
  lines.push('', 'Press Ctrl-C to stop everything.');
  console.log(banner(lines));
});

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
