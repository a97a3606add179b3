// The fuzz run's own judgement of which requests are schema-valid (scripts/fuzz/path_params.py)
// is code too: its Python unit tests run here with the system's python3, no schemathesis needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const FUZZ_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fuzz');

test('when a stateful step fills a path id with None or a foreign id, then the fuzz check treats it as schema-invalid', () => {
  const run = spawnSync(
    'python3',
    ['-m', 'unittest', 'discover', '-s', FUZZ_DIR, '-p', 'test_*.py'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /Ran [1-9]\d* tests?/);
});
