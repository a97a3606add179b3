import { z } from 'zod';

// RupantorPay's public integrators disagree on its wire shapes (see docs/sandbox.md and
// sandbox/test/fixtures/documented/rupantorpay/). The sandbox speaks the documented dialect by
// default and can be switched to each variant, so a client is tested against every one of them.

export const rupantorDialectSchema = z
  .object({
    /** `documented`: COMPLETED | PENDING | ERROR. `seed000`: completed | pending | failed. */
    statuses: z.enum(['documented', 'seed000']),
    /** `camelCase`: transactionId, paymentMethod, paymentAmount, paymentFee, currency, status. */
    returnQuery: z.enum(['camelCase', 'transaction_id']),
    /** The `status` of a successful create: the documented `1`, or `true`. */
    createStatus: z.union([z.literal(1), z.literal(true)]),
    /** `metadata` in verify and webhook bodies: the object sent at create, or that object as a JSON string. */
    metadata: z.enum(['object', 'string']),
    /** Decimals of `amount` in verify and webhook bodies (`"100.000"` documented, `"100.00"` seed 000). */
    amountDecimals: z.union([z.literal(2), z.literal(3)]),
    /** How the webhook body spells the transaction id. */
    webhookId: z.enum(['transaction_id', 'transactionId', 'transactionID']),
  })
  .strict();
export type RupantorDialect = z.infer<typeof rupantorDialectSchema>;

export const RUPANTOR_DIALECT_PRESETS = {
  documented: {
    statuses: 'documented',
    returnQuery: 'camelCase',
    createStatus: 1,
    metadata: 'object',
    amountDecimals: 3,
    webhookId: 'transaction_id',
  },
  seed000: {
    statuses: 'seed000',
    returnQuery: 'transaction_id',
    createStatus: true,
    metadata: 'object',
    amountDecimals: 2,
    webhookId: 'transaction_id',
  },
} as const satisfies Record<string, RupantorDialect>;
export type RupantorDialectPreset = keyof typeof RUPANTOR_DIALECT_PRESETS;

export const documentedDialect: RupantorDialect = { ...RUPANTOR_DIALECT_PRESETS.documented };

export type DialectChange = Partial<RupantorDialect> & { preset?: RupantorDialectPreset };

const valueOf = (key: string, raw: string): unknown => {
  if (key === 'createStatus') return raw === '1' ? 1 : raw === 'true' ? true : raw;
  if (key === 'amountDecimals') return Number(raw);
  return raw;
};

/**
 * Reads `seed000`, `metadata=string webhookId=transactionID` or both (`seed000,metadata=string`):
 * a bare word picks a preset, `key=value` sets one field. Throws a readable Error.
 */
export function dialectChangeFromText(text: string): DialectChange {
  const change: Record<string, unknown> = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const [key, raw] = part.split('=');
    if (raw === undefined && key && key in RUPANTOR_DIALECT_PRESETS) change.preset = key;
    else if (key && raw !== undefined) change[key] = valueOf(key, raw);
    else {
      throw new Error(
        `Invalid dialect "${part}". Use a preset (${Object.keys(RUPANTOR_DIALECT_PRESETS).join(', ')}) or key=value`,
      );
    }
  }
  return change as DialectChange;
}

/** A complete dialect from text (SANDBOX_RUPANTORPAY_DIALECT): the preset, then the fields. */
export function parseDialect(text: string, base: RupantorDialect = documentedDialect) {
  const { preset, ...fields } = dialectChangeFromText(text);
  const parsed = rupantorDialectSchema.safeParse({
    ...(preset ? RUPANTOR_DIALECT_PRESETS[preset] : base),
    ...fields,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid dialect: ${issue?.path.join('.') || 'value'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The transaction's state as the sandbox keeps it, whatever the dialect. */
export type RupantorStatus = 'PENDING' | 'COMPLETED' | 'ERROR';

export function statusWord(status: RupantorStatus, dialect: RupantorDialect): string {
  if (dialect.statuses === 'documented') return status;
  return status === 'ERROR' ? 'failed' : status.toLowerCase();
}

/** `"1250.50"` (how the sandbox stores amounts) in the dialect's number of decimals. */
export function formatAmount(amount: string, decimals: 2 | 3): string {
  return decimals === 3 ? `${amount}0` : amount;
}
