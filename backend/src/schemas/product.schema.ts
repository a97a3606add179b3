// The backend-only parts of the product API's input; the bodies are shared with the storefront
// (@checkout-lab/contracts/schemas).
import { currencySchema, slugSchema } from '@checkout-lab/contracts/schemas';
import { z } from 'zod';

export const productSlugParams = z.strictObject({ slug: slugSchema });

export const productListQuery = z.strictObject({ currency: currencySchema.optional() });

export type ProductListQuery = z.infer<typeof productListQuery>;
