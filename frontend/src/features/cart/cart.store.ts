// The cart lives in the browser (localStorage) until checkout turns it into an order. It keeps a
// snapshot of each product for display only: the server re-prices every line from its database.
import type { Currency } from '@checkout-lab/contracts/money';
import type { ProductDto } from '@checkout-lab/contracts/dto';
import { CART_STORAGE_KEY, MAX_LINE_QUANTITY } from '../../config/store';

export interface CartLine {
  slug: string;
  name: string;
  image: string;
  price: number;
  currency: Currency;
  stock: number;
  quantity: number;
}

export type AddResult = { ok: true; quantity: number } | { ok: false; message: string };

export interface CartStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly CartLine[];
  add(product: ProductDto, quantity?: number): AddResult;
  setQuantity(slug: string, quantity: number): void;
  remove(slug: string): void;
  clear(): void;
}

const maxFor = (stock: number) => Math.max(0, Math.min(stock, MAX_LINE_QUANTITY));

function isLine(value: unknown): value is CartLine {
  const l = value as CartLine;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.slug === 'string' &&
    typeof l.name === 'string' &&
    Number.isInteger(l.price) &&
    Number.isInteger(l.quantity) &&
    l.quantity > 0 &&
    (l.currency === 'INR' || l.currency === 'BDT')
  );
}

/** Whatever is stored may be old, hand-edited or from another version: keep only valid lines. */
function read(storage: Storage | undefined): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(CART_STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isLine) : [];
  } catch {
    return [];
  }
}

export function createCartStore(storage: Storage | undefined): CartStore {
  let lines: readonly CartLine[] = read(storage);
  const listeners = new Set<() => void>();

  const commit = (next: CartLine[]) => {
    lines = next;
    try {
      storage?.setItem(CART_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode or a full quota: the cart still works for this page view.
    }
    listeners.forEach((l) => l());
  };

  // Another tab changed the cart: pick it up so both tabs agree.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== CART_STORAGE_KEY) return;
    lines = read(storage);
    listeners.forEach((l) => l());
  };

  return {
    subscribe(listener) {
      if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
      };
    },
    getSnapshot: () => lines,
    add(product, quantity = 1) {
      const other = lines.find((l) => l.currency !== product.currency);
      if (other) {
        return {
          ok: false,
          message: `Your cart holds ${other.currency} items and one order is paid in one currency. Check out or empty the cart before adding ${product.currency} items.`,
        };
      }
      const max = maxFor(product.stock);
      const existing = lines.find((l) => l.slug === product.slug);
      const wanted = Math.min(max, (existing?.quantity ?? 0) + quantity);
      if (wanted <= 0 || wanted === existing?.quantity) {
        return { ok: false, message: `No more ${product.name} in stock.` };
      }
      const line: CartLine = {
        slug: product.slug,
        name: product.name,
        image: product.image,
        price: product.price,
        currency: product.currency,
        stock: product.stock,
        quantity: wanted,
      };
      commit(existing ? lines.map((l) => (l.slug === line.slug ? line : l)) : [...lines, line]);
      return { ok: true, quantity: wanted };
    },
    setQuantity(slug, quantity) {
      commit(
        lines.map((l) =>
          l.slug === slug
            ? { ...l, quantity: Math.max(1, Math.min(maxFor(l.stock), Math.trunc(quantity))) }
            : l,
        ),
      );
    },
    remove(slug) {
      commit(lines.filter((l) => l.slug !== slug));
    },
    clear() {
      commit([]);
    },
  };
}

export const cartStore = createCartStore(globalThis.localStorage);
