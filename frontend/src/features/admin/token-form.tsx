import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { TextField } from '../../components/ui/text-field';
import { adminApi } from '../../lib/admin-api';
import { toApiError } from '../../lib/api-client';
import { useAdminSession } from './admin-session';

export function TokenForm() {
  const { signIn, notice } = useAdminSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return setError('Enter the admin token.');
    setChecking(true);
    try {
      // One cheap admin call proves the token before it is kept.
      await adminApi(value).listOrders({ limit: 1 });
      signIn(value);
    } catch (err) {
      const apiError = toApiError(err);
      setError(
        apiError.code === 'UNAUTHORIZED' ? 'That token was not accepted.' : apiError.message,
      );
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="page narrow" aria-labelledby="admin-sign-in">
      <h1 id="admin-sign-in">Admin</h1>
      {notice && <Notice tone="warning">{notice}</Notice>}
      <form className="form card" onSubmit={submit} noValidate>
        <TextField
          label="Admin token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onChange={(e) => {
            setToken(e.target.value);
            setError(null);
          }}
          hint="ADMIN_TOKEN from .env, or the one the backend printed at start. Kept for this tab only."
        />
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
