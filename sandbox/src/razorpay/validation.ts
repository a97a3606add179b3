import { badRequest, extraFields } from './razorpay-error';

// Razorpay validates with Laravel-style messages ("The amount field is required."); the sandbox
// keeps that wording so error-handling code sees familiar text.

/** Above this, amounts are rejected outright (Razorpay caps per-transaction amounts too). */
export const MAX_AMOUNT = 50_000_000_00;

export const SUPPORTED_CURRENCIES = new Set([
  'INR',
  'USD',
  'EUR',
  'GBP',
  'SGD',
  'AED',
  'AUD',
  'CAD',
  'CHF',
  'HKD',
  'JPY',
  'MYR',
  'NZD',
  'SAR',
  'SEK',
  'DKK',
  'NOK',
  'QAR',
  'ZAR',
  'BDT',
  'LKR',
  'NPR',
  'THB',
]);

/** Integer minor units. Accepts digit strings too, as the real API does for form posts. */
export function parseAmount(value: unknown, currency = 'INR', field = 'amount'): number {
  if (value === undefined || value === null || value === '') {
    throw badRequest(`The ${field} field is required.`, field);
  }
  let amount: number;
  if (typeof value === 'number') amount = value;
  else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
    amount = Number(value);
  else throw badRequest(`The ${field} must be an integer.`, field);
  if (!Number.isSafeInteger(amount)) throw badRequest(`The ${field} must be an integer.`, field);
  if (amount > MAX_AMOUNT) throw badRequest('Amount exceeds maximum amount allowed.', field);
  if (amount < 100) throw badRequest(`The ${field} must be at least ${currency} 1.00`, field);
  return amount;
}

export function parseCurrency(value: unknown, fallback = 'INR'): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !SUPPORTED_CURRENCIES.has(value.toUpperCase())) {
    throw badRequest('The currency is invalid.', 'currency');
  }
  return value.toUpperCase();
}

export type Notes = Record<string, string | number | boolean | null>;

/** At most 15 keys of at most 256 characters each; Razorpay returns `[]` for "no notes". */
export function parseNotes(value: unknown): Notes | never[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.length === 0) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('The notes must be an array.', 'notes');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 15) throw badRequest('The notes may not have more than 15 items.', 'notes');
  const notes: Notes = {};
  for (const [key, v] of entries) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
      throw badRequest(`The notes.${key} must be a string.`, 'notes');
    }
    if (String(v).length > 256 || key.length > 256) {
      throw badRequest('The notes may not be greater than 256 characters.', 'notes');
    }
    notes[key] = v as Notes[string];
  }
  return entries.length === 0 ? [] : notes;
}

export function parseOptionalString(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badRequest(`The ${field} must be a string.`, field);
  if (value.length > max) {
    throw badRequest(`The ${field} may not be greater than ${max} characters.`, field);
  }
  return value;
}

/** The value of a mandatory field: "The currency field is required." when it is missing. */
export function requireField(body: Record<string, unknown>, field: string): unknown {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    throw badRequest(`The ${field} field is required.`, field);
  }
  return value;
}

/** Rejects unknown keys the way Razorpay does: "x is/are not required and should not be sent". */
export function rejectExtraFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw extraFields(extra);
}

/** Request bodies must be JSON objects (or form posts); anything else is a bad request. */
export function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
