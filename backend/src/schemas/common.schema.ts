import { z } from 'zod';
import { CURRENCIES } from '../money';

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

/** Integer minor units; a generous upper bound keeps totals far from unsafe integers. */
export const minorUnitsSchema = z
  .number({ error: 'must be a number of minor units' })
  .int('must be an integer number of minor units (paise, poisha)')
  .max(10_000_000_00);

export const currencySchema = z.enum(CURRENCIES);

export const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hex id');
