// The browser lookup order (scripts/lib/chromium.cjs), with fake paths: which file exists decides.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const { findChromium, ChromiumNotFoundError } = require('../lib/chromium.cjs');

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

/** A machine where exactly `present` are executables. */
function machine(present, env = {}, playwright = PLAYWRIGHT) {
  return {
    env,
    isExecutable: (file) => present.includes(file),
    playwrightPath: () => playwright,
    debianPath: '/usr/bin/chromium',
  };
}

test('when CHROMIUM_PATH is set, then it wins over Debian’s and Playwright’s browsers', () => {
  const found = findChromium(
    machine(['/opt/chromium/chrome', '/usr/bin/chromium', PLAYWRIGHT], {
      CHROMIUM_PATH: '/opt/chromium/chrome',
    }),
  );
  assert.deepEqual(found, { path: '/opt/chromium/chrome', source: 'CHROMIUM_PATH' });
});

test('when CHROMIUM_PATH names nothing runnable, then it fails naming it instead of falling back', () => {
  assert.throws(
    () => findChromium(machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/typo/chrome' })),
    (err) =>
      err instanceof ChromiumNotFoundError &&
      err.message.includes('CHROMIUM_PATH=/opt/typo/chrome is not an executable'),
  );
});

test('when only Debian’s Chromium and Playwright’s exist, then Debian’s is used', () => {
  const found = findChromium(machine(['/usr/bin/chromium', PLAYWRIGHT]));
  assert.equal(found.path, '/usr/bin/chromium');
  assert.match(found.source, /Debian/);
});

test('when there is no /usr/bin/chromium (macOS, Windows), then Playwright’s own browser is used', () => {
  const found = findChromium(machine([PLAYWRIGHT]));
  assert.equal(found.path, PLAYWRIGHT);
  assert.match(found.source, /Playwright/);
});

test('when Playwright’s browser was never downloaded, then the error names the three ways', () => {
  assert.throws(
    () => findChromium(machine([])),
    (err) =>
      err instanceof ChromiumNotFoundError &&
      /CHROMIUM_PATH=/.test(err.message) &&
      /apt-get install chromium/.test(err.message) &&
      /npx playwright install chromium/.test(err.message),
  );
});

test('when playwright-core is not installed at all, then the error is the same clear one', () => {
  assert.throws(() => findChromium(machine([], {}, undefined)), ChromiumNotFoundError);
});
