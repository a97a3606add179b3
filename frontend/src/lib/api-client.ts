import axios from 'axios';

/** The one API client: same-origin /api (Vite proxies it in development). */
export const api = axios.create({ baseURL: '/api', timeout: 15_000 });

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string;
  image: string;
  price: number;
  currency: string;
  stock: number;
  active: boolean;
}

export async function fetchProducts(): Promise<Product[]> {
  const res = await api.get<{ products: Product[] }>('/products');
  return res.data.products;
}
