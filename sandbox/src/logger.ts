import pino, { type Logger } from 'pino';
import type { SandboxConfig } from './config';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const HIDDEN = new Set([
  'level',
  'time',
  'service',
  'pid',
  'hostname',
  'msg',
  'req',
  'res',
  'responseTime',
]);

/** One readable line per record, for people watching `npm run dev`; `json` keeps pino's output. */
export function formatPretty(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = new Date(Number(record.time)).toISOString().slice(11, 19);
  const level = LEVELS[Number(record.level)] ?? 'INFO';
  const fields = Object.entries(record)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${time} ${level.padEnd(5)} ${String(record.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

export function createLogger(config: Pick<SandboxConfig, 'logLevel' | 'logFormat'>): Logger {
  const options = { level: config.logLevel, base: { service: 'sandbox' } };
  if (config.logFormat === 'json' || config.logLevel === 'silent') return pino(options);
  return pino(options, { write: (line: string) => process.stdout.write(formatPretty(line)) });
}
