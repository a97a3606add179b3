/**
 * Key-path comparison of a documented payload with what we emit: every key path (`a.b`, `a[].c`)
 * of the one must exist in the other, except where either side has a null or a scalar at an
 * ancestor (a documented object may be null in a given state, and the other way round).
 */
export type KeyPaths = Map<string, 'object' | 'array' | 'null' | 'scalar'>;

export function keyPaths(value: unknown, prefix = '', into: KeyPaths = new Map()): KeyPaths {
  if (Array.isArray(value)) {
    if (prefix) into.set(prefix, 'array');
    for (const item of value) keyPaths(item, `${prefix}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    if (prefix) into.set(prefix, 'object');
    for (const [key, child] of Object.entries(value)) {
      keyPaths(child, prefix ? `${prefix}.${key}` : key, into);
    }
  } else if (prefix) {
    into.set(prefix, value === null ? 'null' : 'scalar');
  }
  return into;
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '.' || (path[i] === '[' && path[i + 1] === ']')) out.push(path.slice(0, i));
  }
  return out;
}

/** True when some ancestor of `path` in `paths` holds no children to compare (null or scalar). */
function underLeaf(paths: KeyPaths, path: string): boolean {
  return ancestors(path).some((a) => {
    const kind = paths.get(a);
    return kind === 'null' || kind === 'scalar';
  });
}

/** `a.b` allows `a.b` and everything below it; `*` stands for one path segment. */
function allowed(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const re = new RegExp(
      `^${pattern.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, '[^.]+')}($|\\.|\\[\\])`,
    );
    return re.test(path);
  });
}

export interface KeyPathDiff {
  /** Documented, but not emitted. */
  missing: string[];
  /** Emitted, but not documented. */
  extra: string[];
}

export function compareKeyPaths(
  documented: unknown,
  actual: unknown,
  allow: { missing?: readonly string[]; extra?: readonly string[] } = {},
): KeyPathDiff {
  const doc = keyPaths(documented);
  const ours = keyPaths(actual);
  const missing = [...doc.keys()].filter(
    (p) => !ours.has(p) && !underLeaf(ours, p) && !allowed(p, allow.missing ?? []),
  );
  const extra = [...ours.keys()].filter(
    (p) => !doc.has(p) && !underLeaf(doc, p) && !allowed(p, allow.extra ?? []),
  );
  return { missing, extra };
}
