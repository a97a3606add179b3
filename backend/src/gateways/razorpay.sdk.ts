// The official `razorpay` SDK hard-codes https://api.razorpay.com in the axios instance it
// creates, and offers no option to change it. Pointing that one instance at the configured base
// is the only difference between sandbox and live mode, so it lives here, in one function, with
// a unit test (razorpay-sdk.test.ts) that fails at `npm test` if an SDK upgrade moves it.
import type Razorpay from 'razorpay';

interface SdkInternals {
  api?: { rq?: { defaults?: { baseURL?: unknown; timeout?: unknown } } };
}

export function pointRazorpaySdkAt(sdk: Razorpay, baseUrl: string, timeoutMs: number): void {
  const defaults = (sdk as unknown as SdkInternals).api?.rq?.defaults;
  if (!defaults || typeof defaults.baseURL !== 'string') {
    throw new Error(
      'The razorpay SDK no longer keeps its axios instance at sdk.api.rq: update pointRazorpaySdkAt',
    );
  }
  defaults.baseURL = baseUrl;
  // Just above our own timeout, so its sockets are released after we give up.
  defaults.timeout = timeoutMs + 1000;
}
