import { pingDatabase } from '../db/connect';
import { INSTANCE_ID } from './instance';

/** Who answers: `npm run dev` waits for this name, so a foreign server on PORT is not taken for us. */
export const SERVICE_NAME = 'checkout-lab-backend';

export interface Health {
  service: typeof SERVICE_NAME;
  instance: string;
  status: 'ok' | 'degraded';
  database: { state: 'up' | 'down' };
  uptimeSeconds: number;
}

export async function checkHealth(): Promise<Health> {
  const up = await pingDatabase();
  return {
    service: SERVICE_NAME,
    instance: INSTANCE_ID,
    status: up ? 'ok' : 'degraded',
    database: { state: up ? 'up' : 'down' },
    uptimeSeconds: Math.round(process.uptime()),
  };
}
