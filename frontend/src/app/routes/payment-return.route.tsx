import { PaymentReturnPage } from '../../features/checkout/payment-return-page';

// Hosted-page gateways send the buyer back here (see PUBLIC_BASE_URL in .env.example).
export const PaymentSuccessRoute = () => <PaymentReturnPage outcome="success" />;
export const PaymentCancelRoute = () => <PaymentReturnPage outcome="cancel" />;
