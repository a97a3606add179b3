// The tutorial's code comes from the source (scripts/lib/docs-embed.mjs): these tests fail when a
// doc shows code that changed since `npm run docs:build`, or embeds a region that is gone.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildDocs } from '../lib/docs-embed.mjs';
import { ROOT } from '../lib/workspace.mjs';

test('when the repository’s docs are checked, then every embed is current and every region is embedded', () => {
  const { regions, stale, problems } = buildDocs(ROOT);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    stale.map((s) => s.file),
    [],
    'these docs show code that changed since: run npm run docs:build',
  );
  // The regions the tutorial promises: create order … reconcile.
  for (const name of [
    'create-order',
    'price-cart',
    'open-modal',
    'verify-checkout-signature',
    'verify-webhook',
    'store-event-once',
    'conditional-transition',
    'fulfil-once',
    'reconcile',
  ]) {
    assert.ok(regions.has(name), `no source marks // #region tutorial:${name}`);
    const { start, end } = regions.get(name);
    assert.ok(end - start + 1 <= 25, `${name} is ${end - start + 1} lines: keep regions small`);
  }
});

/** A tiny repository: one source file with a region, one doc embedding it. */
function fixture(source) {
  const root = mkdtempSync(path.join(tmpdir(), 'docs-embed-'));
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'docs'));
  writeFileSync(path.join(root, 'src', 'pay.ts'), source);
  writeFileSync(
    path.join(root, 'docs', 'guide.md'),
    '# Guide\n\n<!-- embed:pay -->\n<!-- /embed -->\n\nThe end.\n',
  );
  const build = () => buildDocs(root, { dirs: ['src'], docs: ['docs'] });
  const write = () => {
    for (const { file, text } of build().stale) writeFileSync(path.join(root, file), text);
  };
  return {
    root,
    build,
    write,
    doc: () => readFileSync(path.join(root, 'docs', 'guide.md'), 'utf8'),
  };
}

const SOURCE = [
  'import { x } from "y";',
  '',
  'export function pay() {',
  '  // #region tutorial:pay',
  '  const total = price * quantity;',
  '  return charge(total);',
  '  // #endregion',
  '}',
  '',
].join('\n');

test('when a doc is built, then the embed holds the code, dedented, and a link to its lines', () => {
  const f = fixture(SOURCE);
  assert.equal(f.build().stale.length, 1);
  f.write();
  assert.equal(
    f.doc(),
    '# Guide\n\n<!-- embed:pay -->\n[`src/pay.ts`, lines 5–6](../src/pay.ts#L5-L6)\n\n```ts\nconst total = price * quantity;\nreturn charge(total);\n```\n<!-- /embed -->\n\nThe end.\n',
  );
  const again = f.build();
  assert.deepEqual([again.stale, again.problems], [[], []]);
});

test('when the marked code changes and the docs are not rebuilt, then the check fails', () => {
  const f = fixture(SOURCE);
  f.write();
  writeFileSync(
    path.join(f.root, 'src', 'pay.ts'),
    SOURCE.replace('price * quantity', 'price * quantity + tip'),
  );
  assert.deepEqual(
    f.build().stale.map((s) => s.file),
    ['docs/guide.md'],
  );
});

test('when code above the region moves it, then the check fails on the line numbers', () => {
  const f = fixture(SOURCE);
  f.write();
  writeFileSync(path.join(f.root, 'src', 'pay.ts'), `// a new first line\n${SOURCE}`);
  const [stale] = f.build().stale;
  assert.match(stale.text, /lines 6–7\]\(\.\.\/src\/pay\.ts#L6-L7\)/);
});

test('when a marked region disappears, then the check names the doc that still embeds it', () => {
  const f = fixture(SOURCE);
  f.write();
  writeFileSync(
    path.join(f.root, 'src', 'pay.ts'),
    SOURCE.replace('// #region tutorial:pay', '// gone'),
  );
  assert.deepEqual(f.build().problems, [
    'docs/guide.md embeds pay, but no source marks // #region tutorial:pay',
  ]);
});

test('when a region is left open or marked twice, then the check says so', () => {
  assert.match(
    fixture(SOURCE.replace('  // #endregion\n', '')).build().problems.join('\n'),
    /region pay has no \/\/ #endregion/,
  );
  const twice = `${SOURCE}\n// #region tutorial:pay\nagain();\n// #endregion\n`;
  assert.match(fixture(twice).build().problems.join('\n'), /region pay is marked twice/);
});

test('when a region is marked but embedded nowhere, then the check says so', () => {
  const f = fixture(`${SOURCE}\n// #region tutorial:orphan\nalone();\n// #endregion\n`);
  assert.match(
    f.build().problems.join('\n'),
    /region orphan \(src\/pay\.ts\) is embedded in no doc/,
  );
});
