// Storefront settings that are not per-environment (those come from GET /api/config).

/** The checkout modal's accent colour; matches the shop's own. */
export const THEME_COLOR = '#0f766e';

/** The success page asks the server this often until it says the order is paid. */
export const ORDER_POLL_INTERVAL_MS = 1000;
/** …and gives up waiting (showing a "still confirming" message) after this long. */
export const ORDER_POLL_TIMEOUT_MS = 30_000;

/** How long to wait for the gateway's checkout script before calling it unreachable. */
export const SCRIPT_LOAD_TIMEOUT_MS = 15_000;

export const CART_STORAGE_KEY = 'checkout-lab.cart.v1';
export const ADMIN_TOKEN_STORAGE_KEY = 'checkout-lab.admin-token';

/** The server rejects quantities above this per line. */
export const MAX_LINE_QUANTITY = 99;
