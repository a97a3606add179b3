import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { CURRENCIES } from '@checkout-lab/contracts/money';

/** Units of this product that one checkout attempt holds, or took when it was paid. */
const holdEntrySchema = new Schema(
  {
    quantity: { type: Number, required: true, min: 1 },
    state: { type: String, required: true, enum: ['held', 'taken'] },
    at: { type: Date, required: true },
  },
  { _id: false },
);

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
    /** Units for sale now: what checkouts hold is already taken out. */
    stock: {
      type: Number,
      required: true,
      min: 0,
      validate: { validator: Number.isSafeInteger, message: 'stock must be an integer' },
    },
    active: { type: Boolean, default: true },
    /**
     * The stock ledger, keyed by the holding attempt's (payment's) id. Taking units and
     * recording who took them is one conditional update of this document, so a crash can never
     * leave a decrement nobody knows about (see services/stock-hold.service.ts). Entries live
     * only while a hold is open or a take is being recorded: bounded by concurrent checkouts.
     * Not selected by default: a popular product has one entry per open checkout, and the
     * catalogue and cart reads must not carry (and cast) hundreds of them on every request.
     */
    holds: { type: Map, of: holdEntrySchema, default: undefined, select: false },
  },
  { timestamps: true },
);

productSchema.index({ active: 1, createdAt: 1 });

export type Product = InferSchemaType<typeof productSchema>;
export type ProductDocument = HydratedDocument<Product>;
export const ProductModel = model('Product', productSchema);
