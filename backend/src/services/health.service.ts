import { randomUUID } from 'node:crypto';
import { pingDatabase } from '../db/connect';

/** Who answers: `npm run dev` waits for this name, so a foreign server on PORT is not taken for us. */
export const SERVICE_NAME = 'checkout-lab-backend';
// New each process, so a readiness check can tell this backend from one left running earlier.
const INSTANCE = randomUUID();

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
    instance: INSTANCE,
    status: up ? 'ok' : 'degraded',
    database: { state: up ? 'up' : 'down' },
    uptimeSeconds: Math.round(process.uptime()),
  };
}
