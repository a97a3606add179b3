import { ProductModel } from '../models/product.model';
import { DEMO_PRODUCTS } from './demo-products';

/** Loads the demo catalogue into an empty database; returns how many products it inserted. */
export async function seedIfEmpty(): Promise<number> {
  if ((await ProductModel.estimatedDocumentCount()) > 0) return 0;
  return (await ProductModel.insertMany(DEMO_PRODUCTS)).length;
}

/** Restores every demo product to its demo values (price, stock, active), adding missing ones. */
export async function resetDemoProducts(): Promise<number> {
  for (const product of DEMO_PRODUCTS) {
    await ProductModel.updateOne({ slug: product.slug }, { $set: product }, { upsert: true });
  }
  return DEMO_PRODUCTS.length;
}
