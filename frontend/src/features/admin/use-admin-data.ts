import { useEffect } from 'react';
import { useAsync } from '../../lib/use-async';
import { useAdminSession } from './admin-session';

/** useAsync for admin calls: a rejected token (401) signs the admin out with a message. */
export function useAdminData<T>(load: () => Promise<T>) {
  const state = useAsync(load);
  const { signOut } = useAdminSession();
  const unauthorized = state.error?.code === 'UNAUTHORIZED';
  useEffect(() => {
    if (unauthorized) signOut('The admin token was not accepted. Enter it again.');
  }, [unauthorized, signOut]);
  return state;
}
