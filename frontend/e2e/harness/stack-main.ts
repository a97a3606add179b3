// `node --import tsx frontend/e2e/harness/stack-main.ts`: starts the stack, prints one line
// `STACK_READY {json}` on stdout, and stops everything on SIGTERM / SIGINT, or when its parent
// goes away (stdin closes), so an interrupted test run never leaves servers behind.
import { startStack } from './stack';

const stack = await startStack({ logFile: process.env.E2E_STACK_LOG });
const { stop, sandbox: _sandbox, ...info } = stack;
process.stdout.write(`STACK_READY ${JSON.stringify(info)}\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await stop();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
