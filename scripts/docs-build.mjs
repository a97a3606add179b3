// `npm run docs:build`: rewrites every <!-- embed:… --> block in README.md and docs/ with the
// current code of its marked source region (scripts/lib/docs-embed.mjs). `--check` changes
// nothing and exits 1 when a doc is stale or a region is missing (what `npm test` runs).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocs } from './lib/docs-embed.mjs';
import { ROOT } from './lib/workspace.mjs';

const check = process.argv.includes('--check');
const { regions, stale, problems } = buildDocs(ROOT);

for (const problem of problems) console.error(`✘ ${problem}`);
if (check) {
  for (const { file } of stale)
    console.error(`✘ ${file} shows code that changed since: run npm run docs:build`);
  if (problems.length || stale.length) process.exit(1);
  console.log(`Docs embed ${regions.size} source regions, all current.`);
} else {
  for (const { file, text } of stale) {
    writeFileSync(path.join(ROOT, file), text);
    console.log(`updated ${file}`);
  }
  if (problems.length) process.exit(1);
  console.log(`${regions.size} regions, ${stale.length} docs updated.`);
}
