import type { Request, Response } from 'express';
import type { ProductInput, ProductPatch } from '@checkout-lab/contracts/schemas';
import type { ProductListQuery } from '../schemas/product.schema';
import * as products from '../services/product.service';

type SlugParams = { slug: string };

export async function listProducts(req: Request, res: Response): Promise<void> {
  res.json({ products: await products.listProducts(req.query as ProductListQuery) });
}

export async function listAllProducts(req: Request, res: Response): Promise<void> {
  const query = req.query as ProductListQuery;
  res.json({ products: await products.listProducts(query, { includeInactive: true }) });
}

export async function getProduct(req: Request<SlugParams>, res: Response): Promise<void> {
  res.json({ product: await products.getProduct(req.params.slug) });
}

export async function getAnyProduct(req: Request<SlugParams>, res: Response): Promise<void> {
  res.json({ product: await products.getProduct(req.params.slug, { includeInactive: true }) });
}

export async function createProduct(req: Request, res: Response): Promise<void> {
  const product = await products.createProduct(req.body as ProductInput);
  // Where it can be read: an inactive product is not in the shop, only in the admin.
  const where = product.active ? '/api/products' : '/api/admin/products';
  res.status(201).location(`${where}/${product.slug}`).json({ product });
}

export async function updateProduct(req: Request<SlugParams>, res: Response): Promise<void> {
  res.json({ product: await products.updateProduct(req.params.slug, req.body as ProductPatch) });
}

export async function archiveProduct(req: Request<SlugParams>, res: Response): Promise<void> {
  await products.archiveProduct(req.params.slug);
  res.status(204).end();
}
