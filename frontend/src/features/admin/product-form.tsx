import type { ProductCreateBody } from '@checkout-lab/contracts/schemas';
import type { Currency } from '@checkout-lab/contracts/money';
import type { ProductDto } from '@checkout-lab/contracts/dto';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui/alert';
import { TextField } from '../../components/ui/text-field';
import { toApiError } from '../../lib/api-client';
import { parseMoneyInput, toMajorUnitString } from '@checkout-lab/contracts/money';

interface ProductFormProps {
  /** Editing this product; creating a new one when absent. */
  product?: ProductDto;
  onSave(input: ProductCreateBody): Promise<unknown>;
  onCancel?(): void;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function ProductForm({ product, onSave, onCancel }: ProductFormProps) {
  const [v, setV] = useState({
    slug: product?.slug ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    image: product?.image ?? '',
    price: product ? toMajorUnitString(product.price, product.currency) : '',
    currency: (product?.currency ?? 'INR') as Currency,
    stock: String(product?.stock ?? 10),
    active: product?.active ?? true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) =>
    setV((s) => ({ ...s, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const price = parseMoneyInput(v.price, v.currency);
    const stock = Number(v.stock);
    const next: Record<string, string> = {};
    if (!SLUG.test(v.slug)) next.slug = 'Lowercase letters, digits and single hyphens.';
    if (!v.name.trim()) next.name = 'Enter a name.';
    if (price === null || price < 1) next.price = 'Enter a price like 499.00.';
    if (!Number.isInteger(stock) || stock < 0) next.stock = 'Enter a whole number, 0 or more.';
    setErrors(next);
    if (Object.keys(next).length > 0 || price === null) return;
    setSaving(true);
    setServerError(null);
    try {
      await onSave({
        slug: v.slug,
        name: v.name.trim(),
        description: v.description,
        image: v.image.trim(),
        price,
        currency: v.currency,
        stock,
        active: v.active,
      });
    } catch (err) {
      setServerError(toApiError(err).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form product-form"
      onSubmit={submit}
      noValidate
      aria-label={product ? `Edit ${product.name}` : 'New product'}
    >
      {serverError && <ErrorMessage error={serverError} />}
      <div className="form-grid">
        <TextField
          label="Slug"
          required
          value={v.slug}
          onChange={set('slug')}
          error={errors.slug}
          disabled={Boolean(product)}
        />
        <TextField
          label="Name"
          required
          value={v.name}
          onChange={set('name')}
          error={errors.name}
        />
        <TextField
          label="Price"
          required
          inputMode="decimal"
          value={v.price}
          onChange={set('price')}
          error={errors.price}
        />
        <div className="field">
          <label htmlFor={`currency-${v.slug || 'new'}`}>Currency</label>
          <select id={`currency-${v.slug || 'new'}`} value={v.currency} onChange={set('currency')}>
            <option value="INR">INR</option>
            <option value="BDT">BDT</option>
          </select>
        </div>
        <TextField
          label="Stock"
          required
          inputMode="numeric"
          value={v.stock}
          onChange={set('stock')}
          error={errors.stock}
        />
        <TextField
          label="Image URL"
          value={v.image}
          onChange={set('image')}
          hint="e.g. /products/canvas-tote-bag.svg"
        />
      </div>
      <div className="field">
        <label htmlFor={`description-${v.slug || 'new'}`}>Description</label>
        <textarea
          id={`description-${v.slug || 'new'}`}
          rows={2}
          value={v.description}
          onChange={set('description')}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={v.active}
          onChange={(e) => setV((s) => ({ ...s, active: e.target.checked }))}
        />
        On sale (active)
      </label>
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : product ? 'Save changes' : 'Create product'}
        </button>
        {onCancel && (
          <button type="button" className="button-link" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
