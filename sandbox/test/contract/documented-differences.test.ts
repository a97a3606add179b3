import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_DIFFERENCES } from './documented-differences';

// docs/sandbox.md repeats the allow-list in its table of known differences; they must not drift.
describe('the known-differences table in docs/sandbox.md', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/sandbox.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Known differences from the real gateways'));

  it('when the docs are read, then the table names every path of the allow-list', () => {
    expect(section.length).toBeGreaterThan(100);
    const missing = [...new Set(KEY_DIFFERENCES.map((d) => d.path))].filter(
      (path) => !section.includes(`\`${path}\``),
    );
    expect(missing).toEqual([]);
  });

  it('when the allow-list is read, then every entry says why', () => {
    for (const d of KEY_DIFFERENCES) expect(d.why.length).toBeGreaterThan(20);
  });
});
