import type { ProductCreateBody } from '@checkout-lab/contracts/schemas';
import { useCallback, useState } from 'react';
import { ErrorMessage, Notice } from '../../components/ui/alert';
import { Loading } from '../../components/ui/loading';
import { StatusBadge } from '../../components/ui/status-badge';
import { toApiError } from '../../lib/api-client';
import { formatMoney } from '@checkout-lab/contracts/money';
import { useAdminApi } from './admin-session';
import { ProductForm } from './product-form';
import { useAdminData } from './use-admin-data';

export function AdminProductsPage() {
  const api = useAdminApi();
  const load = useCallback(() => api.listProducts(), [api]);
  const { data, error, loading, reload } = useAdminData(load);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const done = (text: string) => {
    setNotice(text);
    setEditing(null);
    setCreating(false);
    reload();
  };
  const create = async (input: ProductCreateBody) => {
    await api.createProduct(input);
    done(`Created ${input.name}.`);
  };
  const update = async ({ slug, ...patch }: ProductCreateBody) => {
    await api.updateProduct(slug, patch);
    done(`Saved ${patch.name}.`);
  };
  const archive = async (slug: string, name: string) => {
    setActionError(null);
    try {
      await api.archiveProduct(slug);
      done(`Archived ${name}; it has left the shop, and its orders keep their snapshot.`);
    } catch (err) {
      setActionError(toApiError(err).message);
    }
  };

  return (
    <section aria-labelledby="admin-products">
      <div className="page-head">
        <h1 id="admin-products">Products</h1>
        {!creating && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New product
          </button>
        )}
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      {actionError && <ErrorMessage error={actionError} />}
      {creating && (
        <div className="card">
          <ProductForm onSave={create} onCancel={() => setCreating(false)} />
        </div>
      )}
      {error && <ErrorMessage error={error} onRetry={reload} />}
      {!data && loading && <Loading label="Loading products…" />}
      <ul className="admin-products" aria-label="All products">
        {data?.map((p) => (
          <li key={p.id} className="card">
            {editing === p.slug ? (
              <ProductForm product={p} onSave={update} onCancel={() => setEditing(null)} />
            ) : (
              <div className="admin-product">
                {p.image ? <img src={p.image} alt="" width={64} height={48} /> : <span />}
                <div>
                  <strong>{p.name}</strong> <code className="hint">{p.slug}</code>
                  <br />
                  {formatMoney(p.price, p.currency)} · {p.stock} in stock{' '}
                  {!p.active && <StatusBadge status="archived" />}
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setEditing(p.slug)}
                    aria-label={`Edit ${p.name}`}
                  >
                    Edit
                  </button>
                  {p.active && (
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => archive(p.slug, p.name)}
                      aria-label={`Archive ${p.name}`}
                    >
                      Archive
                    </button>
                  )}
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
