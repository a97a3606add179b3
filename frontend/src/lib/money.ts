// Amounts arrive as integer minor units plus a currency; this is the one place they become text.
const LOCALE: Record<string, string> = { INR: 'en-IN', BDT: 'en-BD' };

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE[currency] ?? 'en', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
  }).format(amount / 100);
}
