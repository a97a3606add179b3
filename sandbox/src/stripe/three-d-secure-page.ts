import { formatMoney, isCurrency } from '@checkout-lab/contracts/money';
import type { PaymentIntent, PaymentMethod } from '../store/stripe-entities';
import { CURRENCIES } from './currencies';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The shop's own formatter for its currencies; other Stripe currencies by their minor digits. */
function formatAmount(intent: PaymentIntent): string {
  const code = intent.currency.toUpperCase();
  if (isCurrency(code)) return formatMoney(intent.amount, code);
  const digits = CURRENCIES[intent.currency]?.decimals ?? 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(
    intent.amount / 10 ** digits,
  );
}

const STYLE = `
  body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f6f9fc;color:#30313d}
  main{max-width:440px;margin:8vh auto;background:#fff;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.1);padding:24px}
  h1{font-size:1.15rem;margin:0 0 6px} .badge{float:right;background:#f59e0b;color:#111;font-size:.7rem;font-weight:700;padding:2px 8px;border-radius:4px}
  dl{display:grid;grid-template-columns:auto 1fr;gap:4px 16px;margin:16px 0} dt{color:#6d6e78}
  .actions{display:flex;gap:12px;margin-top:20px} button{flex:1;padding:12px;border:0;border-radius:6px;font-size:1rem;font-weight:600;cursor:pointer}
  .complete{background:#0570de;color:#fff}.fail{background:#df1b41;color:#fff} p.hint{font-size:.8rem;color:#6d6e78}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>${STYLE}</style></head><body><main aria-labelledby="title"><span class="badge">Sandbox</span>${body}</main></body></html>`;
}

/** The issuer's challenge, like Stripe's 3D Secure 2 test page: complete it or fail it. */
export function renderChallengePage(intent: PaymentIntent, pm: PaymentMethod): string {
  const card = pm.card as { brand: string; last4: string };
  return page(
    '3D Secure authentication (sandbox)',
    `<h1 id="title">3D Secure 2 test page</h1>
<p>Your bank asks you to confirm this payment.</p>
<dl><dt>Amount</dt><dd data-testid="stripe-3ds-amount">${formatAmount(intent)}</dd>
<dt>Card</dt><dd>${escapeHtml(card.brand)} •••• ${escapeHtml(card.last4)}</dd></dl>
<form method="post" class="actions">
  <button class="complete" name="action" value="complete" data-testid="stripe-3ds-complete">Complete</button>
  <button class="fail" name="action" value="fail" data-testid="stripe-3ds-fail">Fail</button>
</form>
<p class="hint">Sandbox: no bank is involved. Closing this page leaves the payment waiting for authentication.</p>`,
  );
}

/** After a challenge with no return URL (an SDK opened it), or one that is no longer pending. */
export function renderChallengeOutcome(message: string): string {
  return page(
    '3D Secure (sandbox)',
    `<h1 id="title">3D Secure</h1><p data-testid="stripe-3ds-outcome">${escapeHtml(message)}</p>`,
  );
}
