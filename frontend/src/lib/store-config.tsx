import type { PublicConfig } from '@checkout-lab/contracts/dto';
import { createContext, use, type ReactNode } from 'react';
import { getConfig } from './api-client';
import { useAsync, type AsyncState } from './use-async';

// GET /api/config once per page load: the gateways, their currencies and the checkout script
// URL (the sandbox's or Razorpay's; the code that uses it is the same).
const StoreConfigContext = createContext<AsyncState<PublicConfig> | null>(null);

export function StoreConfigProvider({ children }: { children: ReactNode }) {
  const state = useAsync(getConfig);
  return <StoreConfigContext value={state}>{children}</StoreConfigContext>;
}

export function useStoreConfig(): AsyncState<PublicConfig> {
  const state = use(StoreConfigContext);
  if (!state) throw new Error('useStoreConfig needs a StoreConfigProvider above it');
  return state;
}
