import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { CURRENCIES } from '@checkout-lab/contracts/money';

const productSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true, trim: true },
    name: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    image: { type: String, default: '' },
    /** Integer minor units (paise, poisha). */
    price: {
      type: Number,
      required: true,
      min: 1,
      validate: { validator: Number.isSafeInteger, message: 'price must be an integer' },
    },
    currency: { type: String, required: true, enum: CURRENCIES },
    stock: {
      type: Number,
      required: true,
      min: 0,
      validate: { validator: Number.isSafeInteger, message: 'stock must be an integer' },
    },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

productSchema.index({ active: 1, createdAt: 1 });

export type Product = InferSchemaType<typeof productSchema>;
export type ProductDocument = HydratedDocument<Product>;
export const ProductModel = model('Product', productSchema);
