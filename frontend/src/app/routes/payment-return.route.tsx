import { PaymentReturnPage } from '../../features/checkout/payment-return-page';

// Gateways send the buyer back here (see PUBLIC_BASE_URL in .env.example): hosted pages to
// success or cancel, an embedded form's bank check (3-D Secure) to return.
export const PaymentSuccessRoute = () => <PaymentReturnPage outcome="success" />;
export const PaymentCancelRoute = () => <PaymentReturnPage outcome="cancel" />;
export const PaymentReturnRoute = () => <PaymentReturnPage outcome="return" />;
