import type { GatewayInfo, GatewayName } from '@checkout-lab/contracts/dto';

// Every word about a gateway comes from the server (GET /api/config): nothing here names one.

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
              <strong>{g.label}</strong>
              <small>
                {g.description}
                {g.kind === 'redirect' ? ' (you will be redirected)' : ''}
              </small>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
