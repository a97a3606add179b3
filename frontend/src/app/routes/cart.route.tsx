export { CartPage as CartRoute } from '../../features/cart/cart-page';
