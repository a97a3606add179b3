// Every URL the storefront links to, in one place, so features can link to each other's pages
// without importing each other.
const enc = encodeURIComponent;

export const paths = {
  catalog: () => '/',
  product: (slug: string) => `/products/${enc(slug)}`,
  cart: () => '/cart',
  checkout: () => '/checkout',
  order: (id: string) => `/orders/${enc(id)}`,
  pay: (id: string) => `/orders/${enc(id)}/pay`,
  success: (id: string) => `/orders/${enc(id)}/success`,
  admin: () => '/admin',
};
