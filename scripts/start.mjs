// `npm start` (after `npm run build`): the production-like stack. The built backend serves the
// built storefront; in sandbox mode the offline gateway runs beside it.
import { randomBytes } from 'node:crypto';
import concurrently from 'concurrently';
import { existsSync } from 'node:fs';
import path from 'node:path';
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

const commands = [];
if (sandboxMode() && hasScript('sandbox', 'start')) {
  commands.push({ name: 'sandbox', command: 'npm start -w sandbox', prefixColor: 'magenta' });
}
commands.push({ name: 'backend', command: 'npm start -w backend', prefixColor: 'cyan' });

const { result } = concurrently(commands, {
  cwd: ROOT,
  prefix: 'name',
  killOthersOn: ['failure', 'success'],
});

waitForUrl(`http://127.0.0.1:${p.backend}/api/health`).then((ready) => {
  if (ready)
    console.log(banner([`Checkout Lab (production build) at http://localhost:${p.backend}`]));
});

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
