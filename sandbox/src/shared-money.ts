// The shop's one money formatter (@checkout-lab/contracts/money), for the sandbox's own pages:
// imported directly by server-rendered pages, and bundled once for the checkout modal's
// browser script, so the modal shows "₹1,226.64" exactly as the storefront and the email do.
import { buildSync } from 'esbuild';

let bundle: string | undefined;

/** An IIFE that defines `window.CheckoutLabMoney` with the contracts' money functions. */
export function moneyBrowserScript(): string {
  bundle ??= buildSync({
    entryPoints: [require.resolve('@checkout-lab/contracts/money')],
    bundle: true,
    format: 'iife',
    globalName: 'CheckoutLabMoney',
    target: 'es2019',
    minify: true,
    write: false,
  }).outputFiles[0]!.text;
  return bundle;
}
