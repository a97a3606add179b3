// Argument parsing for the sandbox CLI: node:util's parseArgs, strict, with every mistake
// (an unknown flag, a missing or bad value) turned into one line a person can act on.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ZodError } from 'zod';

/** A mistake the user can fix: printed as it is, without a stack. */
export class CliError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Every command takes these. */
export const COMMON_OPTIONS = {
  url: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const flagList = (options: Options) =>
  Object.keys(options)
    .map((name) => `--${name}`)
    .join(', ');

/** parseArgs, but its errors name the command and the flags it takes. */
export function parseCommandArgs(command: string, args: string[], options: Options) {
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = (err as Error).message;
    const flag = /'(-[^']*)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError(
        `Unknown option ${flag} for "${command}" (it takes ${flagList(all)}). See: npm run sandbox -- ${command} --help`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--(\w+)/.exec(message)?.[0] ?? flag;
      throw new CliError(
        all[name.replace(/^--/, '') as keyof typeof all]?.type === 'boolean'
          ? `${name} takes no value`
          : `${name} needs a value`,
      );
    }
    throw new CliError(message);
  }
}

/** A whole number within bounds, or one line saying what was wrong. */
export function wholeNumber(
  name: string,
  raw: string | undefined,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** One readable line from a zod error (its own message is a JSON dump of every issue). */
export function readableError(err: unknown): string {
  if (err instanceof ZodError) {
    return err.issues
      .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
      .join('; ');
  }
  return err instanceof Error ? err.message : String(err);
}

/** Runs a parser of user text, turning whatever it throws into a CliError. */
export function parseUserText<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new CliError(readableError(err));
  }
}
