import type { GatewayInfo, GatewayName } from '../../lib/api-types';

const LABELS: Record<string, { title: string; detail: string }> = {
  razorpay: { title: 'Razorpay', detail: 'Cards, UPI, netbanking and wallets' },
  rupantorpay: { title: 'RupantorPay', detail: 'bKash, Nagad and cards, on its own page' },
};

interface GatewayChoiceProps {
  gateways: GatewayInfo[];
  value: GatewayName | null;
  onChange(gateway: GatewayName): void;
  disabled?: boolean;
}

export function GatewayChoice({ gateways, value, onChange, disabled }: GatewayChoiceProps) {
  return (
    <fieldset className="gateway-choice" disabled={disabled}>
      <legend>Pay with</legend>
      {gateways.map((g) => {
        const label = LABELS[g.name] ?? { title: g.name, detail: '' };
        return (
          <label key={g.name} className="gateway-option">
            <input
              type="radio"
              name="gateway"
              value={g.name}
              checked={value === g.name}
              onChange={() => onChange(g.name)}
            />
            <span>
              <strong>{label.title}</strong>
              <small>
                {label.detail}
                {g.kind === 'redirect' ? ' (you will be redirected)' : ''}
              </small>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
