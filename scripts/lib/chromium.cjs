// Which Chromium every browser test and benchmark drives, and how it is launched. CommonJS so
// that ESM and CommonJS Playwright configs can both import it.
//
// The order: CHROMIUM_PATH (any Chromium you name), then Debian's package (/usr/bin/chromium:
// these machines and CI, where Playwright's own download cannot be fetched), then Playwright's
// own browser (`npx playwright install chromium`: macOS, Windows, other Linux), else an error
// naming all three.
const { accessSync, constants } = require('node:fs');

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function isExecutable(file) {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where playwright-core would keep its own Chromium (whether or not it was downloaded). */
function playwrightChromiumPath() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined; // playwright-core is not installed
  }
}

class ChromiumNotFoundError extends Error {
  constructor(problem) {
    super(
      [
        `No Chromium to run the browser tests with${problem ? ` (${problem})` : ''}. Any one of these works:`,
        '  1. CHROMIUM_PATH=/path/to/chromium (or chrome) — any Chromium-based browser you have',
        '  2. Debian/Ubuntu: apt-get install chromium (gives /usr/bin/chromium)',
        "  3. npx playwright install chromium — Playwright's own browser (needs its download site)",
      ].join('\n'),
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * Finds the browser in the order above. `deps` lets the unit test give fake paths.
 * Returns { path, source } where source says which rule found it.
 */
function findChromium(deps = {}) {
  const env = deps.env ?? process.env;
  const executable = deps.isExecutable ?? isExecutable;
  const playwrightPath = deps.playwrightPath ?? playwrightChromiumPath;
  if (env.CHROMIUM_PATH) {
    // Named on purpose: a typo must fail, not quietly test with another browser.
    if (!executable(env.CHROMIUM_PATH))
      throw new ChromiumNotFoundError(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable`);
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  const debian = deps.debianPath ?? DEBIAN_CHROMIUM;
  if (executable(debian)) return { path: debian, source: "Debian's chromium package" };
  const own = playwrightPath();
  if (own && executable(own)) return { path: own, source: "Playwright's own browser" };
  throw new ChromiumNotFoundError();
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // No calls to Google's services, which these machines refuse.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Launch options for Playwright (a function, so merely importing this file never throws). */
function chromiumLaunchOptions() {
  return { executablePath: findChromium().path, args: [...LAUNCH_ARGS] };
}

module.exports = {
  chromiumLaunchOptions,
  findChromium,
  ChromiumNotFoundError,
  DEBIAN_CHROMIUM,
  LAUNCH_ARGS,
};

// `node scripts/lib/chromium.cjs`: says which browser the tests will use, or why there is none.
if (require.main === module) {
  try {
    const { path, source } = findChromium();
    console.log(`Browser tests use ${path} (${source})`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
