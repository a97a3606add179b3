import { randomUUID } from 'node:crypto';

/**
 * This process's name, new on every start: the health answer carries it (so a readiness check
 * tells this backend from one left running earlier), and job leases record it as their owner.
 */
export const INSTANCE_ID = `${process.pid}-${randomUUID()}`;
