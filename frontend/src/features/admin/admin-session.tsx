import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { ADMIN_TOKEN_STORAGE_KEY } from '../../config/store';
import { adminApi, type AdminApi } from '../../lib/admin-api';

// The token is typed once and kept in sessionStorage: it survives reloads of this tab, and is
// gone when the tab closes. It is never put in a URL or in localStorage.
interface AdminSession {
  token: string | null;
  api: AdminApi | null;
  notice: string | null;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

const SessionContext = createContext<AdminSession | null>(null);

const readToken = () => {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
};

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(readToken);
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(ADMIN_TOKEN_STORAGE_KEY, next);
    setNotice(null);
    setToken(next);
  }, []);
  const signOut = useCallback((message?: string) => {
    sessionStorage.removeItem(ADMIN_TOKEN_STORAGE_KEY);
    setNotice(message ?? null);
    setToken(null);
  }, []);

  const value = useMemo(
    () => ({ token, api: token ? adminApi(token) : null, notice, signIn, signOut }),
    [token, notice, signIn, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useAdminSession(): AdminSession {
  const session = use(SessionContext);
  if (!session) throw new Error('useAdminSession needs an AdminSessionProvider above it');
  return session;
}

/** For pages inside the signed-in admin: the API is there. */
export function useAdminApi(): AdminApi {
  const { api } = useAdminSession();
  if (!api) throw new Error('useAdminApi is only for signed-in admin pages');
  return api;
}
