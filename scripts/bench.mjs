// `npm run bench`: measures the storefront against its budgets and reports. Never fails: a
// benchmark informs, it does not gate CI (DESIGN.md § Testing).
//   1. initial JavaScript of the first page, gzipped: the entry script in frontend/dist/index.html
//      plus everything it loads statically (modulepreloads and static imports, transitively);
//   2. what that JavaScript is made of (a second, in-memory build with one chunk per package);
//   3. time until the product list is on screen, in headless Chromium, against the real stack
//      (backend serving the production bundle, sandbox, fresh database) on loopback.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from './lib/chromium.cjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRONTEND = path.join(ROOT, 'frontend');
const DIST = path.join(FRONTEND, 'dist');
const BUDGET_JS_KB = 100;
const BUDGET_RENDER_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const kb = (bytes) => bytes / 1024;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function buildIfNeeded() {
  const index = path.join(DIST, 'index.html');
  const stale =
    !existsSync(index) ||
    newestMtime(path.join(FRONTEND, 'src')) > statSync(index).mtimeMs ||
    process.argv.includes('--build');
  if (!stale) return false;
  const { build } = await import('vite');
  await build({ root: FRONTEND, logLevel: 'warn' });
  return true;
}

/** The entry script and every chunk it pulls in before running (not dynamic imports). */
function initialScripts() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => path.join(DIST, m[1]));
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static `import … from "./x.js"` / `import "./x.js"`; `import("./x.js")` is lazy and skipped.
    for (const m of code.matchAll(
      /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      queue.push(path.resolve(path.dirname(file), m[1]));
    }
  }
  return [...seen].map((file) => {
    const buf = readFileSync(file);
    return { file: path.relative(DIST, file), raw: buf.length, gzip: gz(buf) };
  });
}

/** Rebuilds in memory with one chunk per package group, to show where the bytes come from. */
async function composition() {
  const { build } = await import('vite');
  const groups = [
    ['react-dom', /node_modules\/(react-dom|scheduler)\//],
    ['react', /node_modules\/react\//],
    ['wouter', /node_modules\/(wouter|regexparam|mitt|use-sync-external-store)\//],
    ['axios', /node_modules\/(axios|proxy-from-env|form-data)\//],
    ['other packages', /node_modules\//],
  ];
  const result = await build({
    root: FRONTEND,
    logLevel: 'silent',
    build: {
      write: false,
      sourcemap: false,
      rollupOptions: {
        output: {
          manualChunks: (id) => groups.find(([, re]) => re.test(id))?.[0],
        },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  // Everything the entry loads before running: its static imports, followed all the way down.
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const initial = new Set();
  const queue = [output.find((c) => c.type === 'chunk' && c.isEntry).fileName];
  while (queue.length > 0) {
    const name = queue.shift();
    if (initial.has(name)) continue;
    initial.add(name);
    queue.push(...(chunks.get(name)?.imports ?? []));
  }
  return output
    .filter((c) => c.type === 'chunk' && initial.has(c.fileName))
    .map((c) => ({
      part: groups.some(([name]) => name === c.name)
        ? c.name
        : c.name === 'rolldown-runtime'
          ? 'bundler runtime'
          : `our code (${c.name})`,
      gzip: gz(Buffer.from(c.code)),
    }))
    .sort((a, b) => b.gzip - a.gzip);
}

async function renderTimes() {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-chromium.mjs')], {
    stdio: 'inherit',
  });
  const { spawnStack } = await import('../frontend/e2e/harness/spawn-stack.mjs');
  const { chromium } = await import('playwright-core');
  const stack = await spawnStack();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const runs = [];
  try {
    // The e2e stack starts with an empty catalogue (each browser test makes its own products):
    // the page measured here shows the demo one, as `npm run dev` does.
    const { tsImport } = await import('tsx/esm/api');
    const { DEMO_PRODUCTS } = await tsImport('../backend/src/db/demo-products.ts', import.meta.url);
    for (const product of DEMO_PRODUCTS) {
      const res = await fetch(`${stack.baseUrl}/api/products`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${stack.adminToken}`,
        },
        body: JSON.stringify(product),
      });
      if (!res.ok)
        throw new Error(`could not create ${product.slug}: ${res.status} ${await res.text()}`);
    }
    // One warm-up (the server's first requests), then cold-cache runs in fresh contexts.
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(stack.baseUrl, { waitUntil: 'commit' });
      await page.waitForSelector('[data-testid="product-card"]', { timeout: 15_000 });
      const wall = performance.now() - started;
      const metrics = await page.evaluate(() => {
        const mark = performance.getEntriesByName('product-list-rendered')[0];
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
        return {
          mark: mark ? mark.startTime : null,
          jsTransferred: scripts.reduce((n, r) => n + (r.transferSize || 0), 0),
          jsScripts: scripts.length,
        };
      });
      if (i > 0) runs.push({ wall, ...metrics });
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  return runs;
}

function verdict(value, budget) {
  return value <= budget ? 'within budget' : `OVER budget by ${(value - budget).toFixed(1)}`;
}

async function main() {
  const built = await buildIfNeeded();
  const scripts = initialScripts();
  const totalGzip = kb(scripts.reduce((n, s) => n + s.gzip, 0));
  const parts = await composition();
  let runs = [];
  let renderError = null;
  try {
    runs = await renderTimes();
  } catch (err) {
    renderError = err instanceof Error ? err.message : String(err);
  }

  const lines = ['', 'Checkout Lab storefront benchmark', ''];
  lines.push(`Build: ${built ? 'rebuilt frontend/dist' : 'frontend/dist is up to date'}`);
  lines.push('', `Initial JavaScript of the first page (gzip -9): ${totalGzip.toFixed(1)} KB`);
  lines.push(
    `  budget ${BUDGET_JS_KB} KB: ${verdict(totalGzip, BUDGET_JS_KB)}${totalGzip > BUDGET_JS_KB ? ' KB' : ''}`,
  );
  for (const s of scripts) {
    lines.push(
      `  ${s.file.padEnd(40)} ${kb(s.raw).toFixed(1).padStart(7)} KB raw ${kb(s.gzip).toFixed(1).padStart(6)} KB gzip`,
    );
  }
  lines.push('  made of:');
  for (const p of parts)
    lines.push(`    ${p.part.padEnd(26)} ${kb(p.gzip).toFixed(1).padStart(6)} KB gzip`);
  lines.push('  (admin, checkout, order and product pages are separate lazy chunks, not counted)');

  lines.push('', `Product list rendered, headless Chromium on loopback (${RUNS} cold runs):`);
  if (renderError) {
    lines.push(`  not measured: ${renderError}`);
  } else {
    const marks = runs.map((r) => r.mark ?? r.wall);
    const walls = runs.map((r) => r.wall);
    lines.push(
      `  from navigation start (User Timing mark): median ${median(marks).toFixed(0)} ms, worst ${Math.max(...marks).toFixed(0)} ms`,
    );
    lines.push(
      `  budget ${BUDGET_RENDER_MS} ms: ${verdict(median(marks), BUDGET_RENDER_MS)}${median(marks) > BUDGET_RENDER_MS ? ' ms' : ''}`,
    );
    lines.push(
      `  from goto() to the first product card (wall clock): median ${median(walls).toFixed(0)} ms`,
    );
    lines.push(
      `  JavaScript over the wire per load: ${kb(runs[0].jsTransferred).toFixed(1)} KB in ${runs[0].jsScripts} files`,
    );
    const raw = scripts.reduce((n, s) => n + s.raw, 0);
    lines.push(
      runs[0].jsTransferred > raw * 0.8
        ? `  (${kb(raw).toFixed(1)} KB uncompressed: the backend sent JavaScript without compression)`
        : `  (compressed by the backend; ${kb(raw).toFixed(1)} KB uncompressed)`,
    );
  }
  lines.push('', 'Benchmarks report; they never fail the build.', '');
  console.log(lines.join('\n'));

  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'bench-results', 'storefront.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        initialJs: { totalGzipKb: totalGzip, scripts, parts },
        render: { runs, error: renderError },
        budgets: { jsKb: BUDGET_JS_KB, renderMs: BUDGET_RENDER_MS },
      },
      null,
      2,
    ),
  );
}

main()
  .catch((err) => {
    console.error(`Benchmark could not run: ${err instanceof Error ? err.stack : err}`);
  })
  .finally(() => process.exit(0));
