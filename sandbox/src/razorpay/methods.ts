import type { Card } from '../store/entities';

// The one place the sandbox's payment-method tables live. The pay endpoint validates against
// them and the checkout modal is served them (checkout.router.ts injects them into its page), so
// the modal can never offer a bank the server refuses, or miss one it accepts.

/** Netbanking banks, by Razorpay's bank code. */
export const NETBANKING_BANKS = {
  SBIN: 'State Bank of India',
  HDFC: 'HDFC Bank',
  ICIC: 'ICICI Bank',
  UTIB: 'Axis Bank',
  KKBK: 'Kotak Mahindra Bank',
  YESB: 'Yes Bank',
  PUNB: 'Punjab National Bank',
  BARB: 'Bank of Baroda',
} as const;
export type BankCode = keyof typeof NETBANKING_BANKS;

export const WALLETS = {
  paytm: 'Paytm',
  phonepe: 'PhonePe',
  amazonpay: 'Amazon Pay',
  mobikwik: 'MobiKwik',
  freecharge: 'Freecharge',
  airtelmoney: 'Airtel Money',
  jiomoney: 'JioMoney',
} as const;
export type WalletCode = keyof typeof WALLETS;

export type CardNetwork = Card['network'];

/** `[digits, from, to]`: the number formed by the first `digits` digits lies in `from`…`to`. */
export type PrefixRange = readonly [number, number, number];

/**
 * Card networks by leading digits, first match wins. RuPay comes before the Diners and Maestro
 * ranges because its BINs (60, 65, 81, 82, 508, 353, 356) overlap them, and in India they are RuPay.
 */
export const NETWORK_RULES: readonly { network: CardNetwork; ranges: readonly PrefixRange[] }[] = [
  {
    network: 'American Express',
    ranges: [
      [2, 34, 34],
      [2, 37, 37],
    ],
  },
  {
    network: 'RuPay',
    ranges: [
      [2, 60, 60],
      [2, 65, 65],
      [2, 81, 82],
      [3, 508, 508],
      [3, 353, 353],
      [3, 356, 356],
    ],
  },
  {
    network: 'Diners Club',
    ranges: [
      [2, 36, 36],
      [2, 38, 39],
      [3, 300, 305],
    ],
  },
  { network: 'Visa', ranges: [[1, 4, 4]] },
  {
    network: 'MasterCard',
    ranges: [
      [2, 51, 55],
      [4, 2221, 2720],
    ],
  },
  {
    network: 'Maestro',
    ranges: [
      [2, 50, 50],
      [2, 56, 69],
    ],
  },
];

/** CVV digits by network; every other network uses 3. */
export const CVV_LENGTHS: Partial<Record<CardNetwork, number>> = { 'American Express': 4 };

/** Everything the modal needs to know about instruments, as served to it. */
export function modalTables() {
  return {
    banks: NETBANKING_BANKS,
    wallets: WALLETS,
    networks: NETWORK_RULES,
    cvvLengths: CVV_LENGTHS,
  };
}
