import { pingDatabase } from '../db/connect';

export interface Health {
  status: 'ok' | 'degraded';
  database: { state: 'up' | 'down' };
  uptimeSeconds: number;
}

export async function checkHealth(): Promise<Health> {
  const up = await pingDatabase();
  return {
    status: up ? 'ok' : 'degraded',
    database: { state: up ? 'up' : 'down' },
    uptimeSeconds: Math.round(process.uptime()),
  };
}
