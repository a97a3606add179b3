import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KEY_DIFFERENCES, type KeyDifference } from '../contract/documented-differences';

/** The gateways' own example payloads, each naming its public source (see its README.md). */
export const DOCUMENTED_DIR = join(__dirname, '..', 'fixtures', 'documented');

export interface DocumentedFixture<T = unknown> {
  source: unknown;
  notes?: string;
  payload: T;
}

export function loadDocumented<T = Record<string, unknown>>(file: string): DocumentedFixture<T> {
  return JSON.parse(readFileSync(join(DOCUMENTED_DIR, file), 'utf8')) as DocumentedFixture<T>;
}

/** Every fixture file under `dir` (relative to DOCUMENTED_DIR), e.g. `razorpay/webhooks/x.json`. */
export function listDocumented(dir: string): string[] {
  const root = join(DOCUMENTED_DIR, dir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => relative(DOCUMENTED_DIR, join(root, f)))
    .sort();
}

// Free-form maps: their keys are the merchant's (notes, metadata), not part of the contract.
const OPAQUE = new Set(['notes', 'metadata']);

/** Every key path in `value` (`a.b`, arrays as `a[]`), descending into everything but OPAQUE. */
export function keyPaths(value: unknown, prefix: string): Set<string> {
  const paths = new Set<string>();
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item, `${at}[]`);
      return;
    }
    if (!v || typeof v !== 'object') return;
    for (const [key, child] of Object.entries(v)) {
      const path = at ? `${at}.${key}` : key;
      paths.add(path);
      if (!OPAQUE.has(key)) walk(child, path);
    }
  };
  walk(value, prefix);
  return new Set([...paths].map(normalize));
}

// One name per entity wherever it appears: in a webhook envelope, a collection or on its own.
const ALIASES: [RegExp, string][] = [
  [/^event\.payload\.(payment|order|refund)\.entity(?=\.|$)/, '$1'],
  [/^orders\.items\[\]\.payments\.items\[\](?=\.|$)/, 'payment'],
  [/^orders\.items\[\](?=\.|$)/, 'order'],
];

function normalize(path: string): string {
  return ALIASES.reduce((p, [re, to]) => p.replace(re, to), path);
}

export interface KeyComparison {
  fixture: string;
  /** Documented, absent from what the sandbox sent. */
  missing: string[];
  /** Sent by the sandbox, absent from the documented example. */
  extra: string[];
}

export function compareKeys(fixture: string, documented: Set<string>, sent: Set<string>) {
  return {
    fixture,
    missing: [...documented].filter((p) => !sent.has(p)).sort(),
    extra: [...sent].filter((p) => !documented.has(p)).sort(),
  } satisfies KeyComparison;
}

function matches(glob: string, file: string): boolean {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return re.test(file);
}

/** The allow-list entry that explains one difference, if any. */
export function explain(
  kind: KeyDifference['kind'],
  path: string,
  fixture: string,
): KeyDifference | undefined {
  return KEY_DIFFERENCES.find(
    (d) => d.kind === kind && d.path === path && d.fixtures.some((g) => matches(g, fixture)),
  );
}

/** Differences no allow-list entry explains, as readable lines (empty when all is explained). */
export function unexplained(comparisons: KeyComparison[], used: Set<KeyDifference>): string[] {
  const lines: string[] = [];
  for (const c of comparisons) {
    for (const kind of ['missing', 'extra'] as const) {
      const reported = new Set(c[kind]);
      for (const path of c[kind]) {
        // A whole object missing (or extra) is one difference, not one per key inside it.
        const parent = path.slice(0, Math.max(0, path.lastIndexOf('.')));
        if (parent && reported.has(parent)) continue;
        const entry = explain(kind, path, c.fixture);
        if (entry) used.add(entry);
        else lines.push(`${c.fixture}: ${kind} ${path}`);
      }
    }
  }
  return lines;
}
