// Entry point of `npm run tunnel [-- --port 5173]`.
import ngrok from '@ngrok/ngrok';
import { loadConfigOrExit } from '../config';
import { runTunnel } from './tunnel';

function portArgument(): number | undefined {
  const at = process.argv.indexOf('--port');
  return at === -1 ? undefined : Number(process.argv[at + 1]);
}

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  return runTunnel({
    config,
    port: portArgument(),
    forward: (options) => ngrok.forward(options),
    waitForStop: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    isBackendUp: (port) =>
      fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1500) }).then(
        () => true,
        () => false,
      ),
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`npm run tunnel failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
