import { formatMoney, fromMajorUnits } from '@checkout-lab/contracts/money';
import type { RupantorTransaction } from '../store/entities';
import { HOSTED_METHODS } from './transactions.service';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Taka on the wire (major units, as RupantorPay sends them), shown as the shop shows them. */
function formatTaka(amount: string): string {
  return formatMoney(fromMajorUnits(amount, 'BDT'), 'BDT');
}

const STYLE = `
  body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f1f5f9;color:#0f172a}
  main{max-width:420px;margin:6vh auto;background:#fff;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.12);overflow:hidden}
  header{background:#0f766e;color:#fff;padding:18px 20px;position:relative}
  header h1{margin:0;font-size:1.1rem} .amount{font-size:1.6rem;font-weight:700;margin:6px 0 0}
  .badge{position:absolute;top:14px;right:14px;background:#f59e0b;color:#111;font-size:.7rem;font-weight:700;padding:2px 8px;border-radius:4px;text-transform:uppercase}
  form,.done{padding:18px 20px} fieldset{border:0;margin:0;padding:0} legend{font-size:.85rem;color:#475569;margin-bottom:8px}
  .methods{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
  .methods label{display:flex;gap:6px;align-items:center;padding:10px;border:1px solid #cbd5e1;border-radius:8px;cursor:pointer}
  .who{font-size:.85rem;color:#475569;margin:0 0 14px}
  .actions{display:grid;gap:8px;margin-top:18px} button{padding:12px;border:0;border-radius:8px;font-size:1rem;font-weight:600;cursor:pointer}
  .pay{background:#0f766e;color:#fff}.fail{background:#b42318;color:#fff}.cancel{background:#e2e8f0;color:#0f172a}
  .hint{font-size:.75rem;color:#64748b}`;

/** The hosted payment page at `payment_url`: pick bKash / Nagad / Card, then pay, fail or cancel. */
export function renderHostedPage(tx: RupantorTransaction): string {
  const settled = tx.status !== 'PENDING';
  const methods = Object.entries(HOSTED_METHODS)
    .map(
      ([value, label], i) =>
        `<label><input type="radio" name="method" value="${value}" data-testid="rp-method-${value}"${i === 0 ? ' checked' : ''}> ${label}</label>`,
    )
    .join('');
  const body = settled
    ? `<div class="done" data-testid="rp-settled"><p>This payment is already <strong data-testid="rp-status">${tx.status}</strong>.</p>
       <p><a href="${escapeHtml(tx.status === 'COMPLETED' ? tx.success_url : tx.cancel_url)}">Return to the merchant</a></p></div>`
    : `<form method="post" data-testid="rp-form">
        <p class="who">Paying as ${escapeHtml(tx.fullname)} &lt;${escapeHtml(tx.email)}&gt; · ${escapeHtml(tx.transaction_id)}</p>
        <fieldset><legend>Choose a payment method</legend><div class="methods">${methods}</div></fieldset>
        <div class="actions">
          <button class="pay" name="action" value="pay" data-testid="rp-pay">Pay ${formatTaka(tx.amount)}</button>
          <button class="fail" name="action" value="fail" data-testid="rp-fail">Simulate failure</button>
          <button class="cancel" name="action" value="cancel" data-testid="rp-cancel">Cancel</button>
        </div>
        <p class="hint">Sandbox: no wallet or card is charged.</p>
      </form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>RupantorPay (sandbox)</title><style>${STYLE}</style></head>
<body><main aria-labelledby="rp-title"><header><span class="badge">Sandbox</span>
<h1 id="rp-title">RupantorPay</h1><p class="amount" data-testid="rp-amount">${formatTaka(tx.amount)}</p></header>
${body}</main></body></html>`;
}
