// How the CLI talks to the sandbox's control API (/_sandbox), and reads name=value settings.
import { CliError } from './cli-args';

export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new CliError(
      `No sandbox is running at ${base} (${code}).\nStart one with \`npm -w sandbox start\`, or point the CLI at yours with --url.`,
    );
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const description = (data as { error?: { description?: string } } | null)?.error?.description;
    throw new CliError(`Sandbox answered ${res.status}: ${description ?? res.statusText}`);
  }
  return data;
}

/** `autoCapture=false timeScale=0.01` → { autoCapture: false, timeScale: 0.01 } */
export function parseSettings(args: string[]): Record<string, boolean | number> {
  const out: Record<string, boolean | number> = {};
  for (const arg of args) {
    const [key, value] = arg.split('=');
    if (!key || value === undefined || value === '')
      throw new CliError(`Expected name=value, got "${arg}"`);
    if (value === 'true' || value === 'false') out[key] = value === 'true';
    else if (Number.isFinite(Number(value))) out[key] = Number(value);
    else throw new CliError(`${key}: "${value}" is neither true, false nor a number`);
  }
  return out;
}
