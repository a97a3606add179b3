import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RunningSandbox } from '../../src/index';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET, startTestSandbox } from '../helpers/sandbox';

// A second official client: Razorpay's Python SDK from PyPI (pinned in python/requirements.txt),
// in a venv this test makes under node_modules/.cache, against a sandbox on port 0.
const run = promisify(execFile);
const PYTHON = process.env.PYTHON ?? 'python3';
const SCRIPT_DIR = join(__dirname, 'python');
const VENV = join(__dirname, '../../../node_modules/.cache/razorpay-python-sdk-venv');
const VENV_PYTHON = join(VENV, 'bin', 'python');
const PINNED = '2.0.1';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;

/** Creates the venv and installs the pinned SDK, unless a venv with that version is there. */
async function ensureVenv(): Promise<void> {
  if (existsSync(VENV_PYTHON)) {
    const probe = spawnSync(VENV_PYTHON, [
      '-c',
      'import importlib.metadata as m; print(m.version("razorpay"))',
    ]);
    if (probe.stdout?.toString().trim() === PINNED) return;
  }
  mkdirSync(join(VENV, '..'), { recursive: true });
  try {
    await run(PYTHON, ['-m', 'venv', '--clear', VENV]);
  } catch (err) {
    throw new Error(
      `${PYTHON} -m venv failed (on Debian: apt-get install python3-venv): ${(err as Error).message}`,
      { cause: err },
    );
  }
  await run(
    join(VENV, 'bin', 'pip'),
    ['install', '--disable-pip-version-check', '-q', '-r', join(SCRIPT_DIR, 'requirements.txt')],
    { timeout: 170_000 },
  );
}

if (!hasPython) {
  console.warn(
    `Skipping the Python razorpay SDK contract test: ${PYTHON} is not on the PATH (set PYTHON to use another interpreter).`,
  );
}

(hasPython ? describe : describe.skip)(
  `official razorpay Python SDK ${PINNED} against the sandbox${hasPython ? '' : ` (skipped: no ${PYTHON})`}`,
  () => {
    let sandbox: RunningSandbox;
    beforeAll(async () => {
      await ensureVenv();
      sandbox = await startTestSandbox();
    }, 180_000);
    afterAll(() => sandbox?.close());

    it('when the SDK creates, pays, fetches, captures, refunds and verifies payment and webhook signatures, then every check passes', async () => {
      const { stdout } = await run(
        VENV_PYTHON,
        [join(SCRIPT_DIR, 'razorpay_contract.py'), sandbox.url],
        {
          timeout: 60_000,
          env: {
            PATH: process.env.PATH ?? '',
            RAZORPAY_KEY_ID: KEY_ID,
            RAZORPAY_KEY_SECRET: KEY_SECRET,
            RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
          },
        },
      ).catch((err: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(
          `the Python contract script failed:\n${err.stderr ?? ''}${err.stdout ?? ''}`,
        );
      });
      const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { checks: string[] };
      expect(result.checks).toEqual(
        expect.arrayContaining([
          'order.create',
          'order.all receipt filter',
          'order.edit notes',
          'utility.verify_payment_signature',
          'utility.verify_payment_signature rejects a forged signature',
          'payment.fetch',
          'payment.refund',
          'refund.fetch',
          'payment.capture',
          'BadRequestError for a too-small order',
          'webhooks delivered',
          'utility.verify_webhook_signature',
          'utility.verify_webhook_signature rejects a changed body',
        ]),
      );
    }, 60_000);
  },
);
