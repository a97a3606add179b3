import express from 'express';

/**
 * Webhook signatures cover the exact bytes sent, so webhook routes read the raw body and never
 * let a JSON parser (which would re-serialise it differently) touch it.
 */
export const rawJsonBody = express.raw({ type: () => true, limit: '1mb' });
