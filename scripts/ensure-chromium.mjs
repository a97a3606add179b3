// Run before the browser tests: says which Chromium they will use (scripts/lib/chromium.cjs has
// the order). With none and on Debian/Ubuntu (CI, fresh machines), installs Debian's chromium
// package; anywhere else, names the three ways to get one and fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { findChromium, ChromiumNotFoundError } = require('./lib/chromium.cjs');

function lookup() {
  try {
    return findChromium();
  } catch (err) {
    if (err instanceof ChromiumNotFoundError) return err;
    throw err;
  }
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function installDebianChromium() {
  const root = process.getuid?.() === 0;
  if (!root && !has('sudo')) return false;
  const run = (args) =>
    spawnSync(root ? args[0] : 'sudo', root ? args.slice(1) : args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  console.error('No Chromium found; installing Debian’s chromium package (apt-get)…');
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}

let found = lookup();
const canInstall =
  found instanceof Error &&
  !process.env.CHROMIUM_PATH &&
  process.platform === 'linux' &&
  has('apt-get');
if (canInstall && installDebianChromium()) found = lookup();

if (found instanceof Error) {
  console.error(found.message);
  process.exit(1);
}
console.log(`Browser tests use ${found.path} (${found.source})`);
