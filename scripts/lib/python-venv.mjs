// Python tools the tests use (schemathesis, the Python razorpay SDK) live in their own
// virtualenvs under .data/venvs/, created on first use with the machine's python3 and pip from
// PyPI, and re-created when their requirements file changes. Never the system Python.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './workspace.mjs';

export function findPython() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    try {
      execFileSync(candidate, ['-c', 'import sys, venv; assert sys.version_info >= (3, 9)'], {
        stdio: 'ignore',
      });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Creates (or reuses) .data/venvs/<name> with `requirements` installed; returns its paths. */
export function ensureVenv(name, requirements) {
  const python = findPython();
  if (!python) throw new Error('Python 3.9+ with the venv module is needed (python3 -m venv).');
  const dir = path.join(ROOT, '.data', 'venvs', name);
  const bin = (tool) => path.join(dir, process.platform === 'win32' ? 'Scripts' : 'bin', tool);
  const stamp = path.join(dir, '.requirements-hash');
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return { dir, bin };
  console.log(`Preparing the ${name} virtualenv (${path.relative(ROOT, dir)}) from PyPI…`);
  execFileSync(python, ['-m', 'venv', '--clear', dir], { stdio: 'inherit' });
  execFileSync(bin('python'), ['-m', 'pip', 'install', '-q', '-r', requirements], {
    stdio: 'inherit',
  });
  writeFileSync(stamp, wanted);
  return { dir, bin };
}
