import { useSyncExternalStore } from 'react';
import { cartStore, type CartStore } from './cart.store';

export function useCart(store: CartStore = cartStore) {
  const lines = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return {
    lines,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    add: store.add,
    setQuantity: store.setQuantity,
    remove: store.remove,
    clear: store.clear,
  };
}
