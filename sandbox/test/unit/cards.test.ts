import { describeCard, detectNetwork, expiryValid, luhnValid } from '../../src/razorpay/cards';
import { FAILURE_CARDS, SUCCESS_CARDS } from '../../src/razorpay/test-cards';

describe('card checks', () => {
  it('when a number passes Luhn, then it is valid; when a digit changes, then it is not', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41111')).toBe(false);
    expect(luhnValid('4111-1111-1111-1111')).toBe(false);
  });

  it("when using Razorpay's documented test cards, then every one of them passes Luhn", () => {
    for (const number of [...Object.values(SUCCESS_CARDS), ...Object.keys(FAILURE_CARDS)]) {
      expect([number, luhnValid(number)]).toEqual([number, true]);
    }
  });

  it.each([
    ['6527658900001005', 'RuPay'],
    ['6070000000000000', 'RuPay'],
    ['8100000000000000', 'RuPay'],
    ['8200000000000000', 'RuPay'],
    ['5080000000000000', 'RuPay'],
    ['3530000000000000', 'RuPay'],
    ['3560000000000000', 'RuPay'],
    ['4100280000001007', 'Visa'],
    ['5500670000001002', 'MasterCard'],
    ['2221000000000009', 'MasterCard'],
    ['340256000401007', 'American Express'],
    ['36082800091007', 'Diners Club'],
    ['5018000000000000', 'Maestro'],
    ['9999000000000000', 'Unknown'],
  ])('when the number is %s, then the network is %s', (number, network) => {
    expect(detectNetwork(number)).toBe(network);
  });

  it('when describing a card, then only last4, network, type and issuer are kept', () => {
    const entity = describeCard('6527658900001005', 'Asha', 'card_AbCdEfGhIjKlMn');
    expect(entity).toMatchObject({
      last4: '1005',
      network: 'RuPay',
      type: 'debit',
      issuer: 'SBIN',
      international: false,
    });
    expect(JSON.stringify(entity)).not.toContain('6527658900001005');
  });

  it('when an international test card is described, then it is international with no Indian issuer', () => {
    expect(describeCard('5555555555554444', '', 'card_x')).toMatchObject({
      international: true,
      issuer: null,
    });
  });

  it('when the expiry is this month or later, then it is valid; when earlier, then not', () => {
    const now = new Date(2030, 5, 15);
    expect(expiryValid(6, 30, now)).toBe(true);
    expect(expiryValid(5, 2030, now)).toBe(false);
    expect(expiryValid(13, 31, now)).toBe(false);
    expect(expiryValid(1, 2031, now)).toBe(true);
  });
});
