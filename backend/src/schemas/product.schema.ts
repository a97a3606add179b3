import { z } from 'zod';
import { currencySchema, minorUnitsSchema, slugSchema } from './common.schema';

const imageSchema = z
  .string()
  .max(500)
  .refine((v) => v === '' || v.startsWith('/') || /^https?:\/\//.test(v), {
    message: 'must be an absolute path or an http(s) URL',
  });

const productFields = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000),
  image: imageSchema,
  price: minorUnitsSchema.min(1, 'must be at least 1 minor unit'),
  currency: currencySchema,
  stock: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
});

export const productInputSchema = productFields.extend({
  description: productFields.shape.description.default(''),
  image: productFields.shape.image.default(''),
  active: productFields.shape.active.default(true),
});

// Built from the fields without defaults: a patch must never reset what it does not mention.
export const productPatchSchema = productFields
  .omit({ slug: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to update' });

export const productSlugParams = z.strictObject({ slug: slugSchema });

export const productListQuery = z.strictObject({ currency: currencySchema.optional() });

export type ProductInput = z.infer<typeof productInputSchema>;
export type ProductPatch = z.infer<typeof productPatchSchema>;
export type ProductListQuery = z.infer<typeof productListQuery>;
