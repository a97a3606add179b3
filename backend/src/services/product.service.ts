import type { ProductDto } from '@checkout-lab/contracts/dto';
import type { Currency } from '@checkout-lab/contracts/money';
import { isDuplicateKey } from '../db/connect';
import { HttpError } from '../errors';
import { ProductModel, type ProductDocument } from '../models/product.model';
import type { ProductInput, ProductPatch } from '@checkout-lab/contracts/schemas';
import type { ProductListQuery } from '../schemas/product.schema';

export function toProductDto(doc: ProductDocument): ProductDto {
  return {
    id: doc.id as string,
    slug: doc.slug,
    name: doc.name,
    description: doc.description,
    image: doc.image,
    price: doc.price,
    currency: doc.currency as Currency,
    stock: doc.stock,
    active: doc.active,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export async function listProducts(
  query: ProductListQuery,
  opts: { includeInactive?: boolean } = {},
): Promise<ProductDto[]> {
  const filter = {
    ...(opts.includeInactive ? {} : { active: true }),
    ...(query.currency ? { currency: query.currency } : {}),
  };
  const docs = await ProductModel.find(filter).sort({ createdAt: 1, _id: 1 });
  return docs.map(toProductDto);
}

export async function getProduct(
  slug: string,
  opts: { includeInactive?: boolean } = {},
): Promise<ProductDto> {
  const doc = await ProductModel.findOne({
    slug,
    ...(opts.includeInactive ? {} : { active: true }),
  });
  if (!doc) throw HttpError.notFound(`No product with slug "${slug}"`, 'PRODUCT_NOT_FOUND');
  return toProductDto(doc);
}

export async function createProduct(input: ProductInput): Promise<ProductDto> {
  try {
    return toProductDto(await ProductModel.create(input));
  } catch (err) {
    // The unique index decides, so two concurrent creates cannot both succeed.
    if (isDuplicateKey(err)) {
      throw HttpError.conflict(
        `A product with slug "${input.slug}" already exists`,
        'PRODUCT_EXISTS',
      );
    }
    throw err;
  }
}

export async function updateProduct(slug: string, patch: ProductPatch): Promise<ProductDto> {
  const doc = await ProductModel.findOneAndUpdate(
    { slug },
    { $set: patch },
    {
      returnDocument: 'after',
      runValidators: true,
    },
  );
  if (!doc) throw HttpError.notFound(`No product with slug "${slug}"`, 'PRODUCT_NOT_FOUND');
  return toProductDto(doc);
}

/**
 * Archives rather than deletes: orders keep a snapshot of what was bought, and an archived
 * product disappears from the shop while its history stays intact.
 */
export async function archiveProduct(slug: string): Promise<void> {
  const result = await ProductModel.updateOne({ slug }, { $set: { active: false } });
  if (result.matchedCount === 0) {
    throw HttpError.notFound(`No product with slug "${slug}"`, 'PRODUCT_NOT_FOUND');
  }
}
