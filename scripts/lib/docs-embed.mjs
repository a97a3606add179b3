// The docs show real code: source files mark regions with
//   // #region tutorial:<name>   …   // #endregion
// and a doc embeds one between
//   <!-- embed:<name> -->   …   <!-- /embed -->
// `npm run docs:build` rewrites every embed with the region's current code and a link to its
// file and lines; `checkDocs` (run by `npm test`) fails when an embed is stale, names a region
// that does not exist, or a region is marked twice, left open, or embedded nowhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const START = /^\s*\/\/ #region tutorial:([a-z0-9-]+)\s*$/;
const END = /^\s*\/\/ #endregion\b/;
const EMBED = /<!-- embed:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/embed -->/g;
const LANGUAGES = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

/** Source folders scanned for regions, relative to the repository root. */
export const SOURCE_DIRS = ['backend/src', 'frontend/src', 'sandbox/src', 'packages/contracts/src'];
/** Files whose embeds are kept current. */
export const DOC_FILES = ['README.md', 'docs'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function dedent(lines) {
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}

/** Every marked region under `root`: name → { file, start, end, language, code }. */
export function collectRegions(root, dirs = SOURCE_DIRS) {
  const regions = new Map();
  const problems = [];
  for (const dir of dirs) {
    const absolute = path.join(root, dir);
    let files;
    try {
      files = walk(absolute);
    } catch {
      continue; // a workspace that does not exist here
    }
    for (const full of files) {
      const language = LANGUAGES[path.extname(full)];
      if (!language) continue;
      const file = path.relative(root, full).split(path.sep).join('/');
      const lines = readFileSync(full, 'utf8').split('\n');
      let open;
      lines.forEach((line, i) => {
        const start = START.exec(line);
        if (start) {
          if (open) problems.push(`${file}:${i + 1}: region ${start[1]} opens inside ${open.name}`);
          open = { name: start[1], from: i + 1 };
        } else if (END.test(line) && open) {
          const code = dedent(lines.slice(open.from, i)).join('\n');
          // Lines are 1-based: the first code line is the one after the marker.
          const region = { file, start: open.from + 1, end: i, language, code };
          if (regions.has(open.name)) {
            problems.push(
              `region ${open.name} is marked twice (${regions.get(open.name).file}, ${file})`,
            );
          }
          regions.set(open.name, region);
          open = undefined;
        }
      });
      if (open) problems.push(`${file}:${open.from}: region ${open.name} has no // #endregion`);
    }
  }
  return { regions, problems };
}

/** The text an embed holds: a link to the lines, then the code. */
export function renderEmbed(name, region, docFile) {
  const target = path.posix.relative(path.posix.dirname(docFile), region.file);
  const link = `[\`${region.file}\`, lines ${region.start}–${region.end}](${target}#L${region.start}-L${region.end})`;
  return `<!-- embed:${name} -->\n${link}\n\n\`\`\`${region.language}\n${region.code}\n\`\`\`\n<!-- /embed -->`;
}

/** A doc's text with every embed rewritten; `missing` lists embeds naming no region. */
export function renderDoc(text, regions, docFile) {
  const used = [];
  const missing = [];
  const rendered = text.replace(EMBED, (block, name) => {
    const region = regions.get(name);
    if (!region) {
      missing.push(name);
      return block;
    }
    used.push(name);
    return renderEmbed(name, region, docFile);
  });
  return { rendered, used, missing };
}

function docFiles(root, entries = DOC_FILES) {
  return entries.flatMap((entry) => {
    const full = path.join(root, entry);
    const files = statSync(full).isDirectory()
      ? readdirSync(full)
          .filter((n) => n.endsWith('.md'))
          .map((n) => path.join(full, n))
      : [full];
    return files.map((f) => path.relative(root, f).split(path.sep).join('/'));
  });
}

/**
 * Renders every doc. Returns the docs whose text would change (`stale`), with their new text,
 * and every problem found; nothing is written here.
 */
export function buildDocs(root, { dirs, docs } = {}) {
  const { regions, problems } = collectRegions(root, dirs);
  const stale = [];
  const embedded = new Set();
  for (const file of docFiles(root, docs)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const { rendered, used, missing } = renderDoc(text, regions, file);
    for (const name of missing)
      problems.push(`${file} embeds ${name}, but no source marks // #region tutorial:${name}`);
    for (const name of used) embedded.add(name);
    if (rendered !== text) stale.push({ file, text: rendered });
  }
  for (const [name, region] of regions) {
    if (!embedded.has(name)) problems.push(`region ${name} (${region.file}) is embedded in no doc`);
  }
  return { regions, stale, problems };
}
