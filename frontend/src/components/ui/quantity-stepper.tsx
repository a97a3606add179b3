import { useId } from 'react';

interface QuantityStepperProps {
  value: number;
  max: number;
  onChange(quantity: number): void;
  /** What the quantity is of, for screen readers: "Quantity of Canvas Tote Bag". */
  label: string;
}

export function QuantityStepper({ value, max, onChange, label }: QuantityStepperProps) {
  const id = useId();
  const set = (next: number) => onChange(Math.min(max, Math.max(1, next)));
  return (
    <div className="stepper">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <button
        type="button"
        aria-label={`Decrease ${label.toLowerCase()}`}
        onClick={() => set(value - 1)}
        disabled={value <= 1}
      >
        −
      </button>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={value}
        onChange={(e) => {
          const next = Number.parseInt(e.target.value, 10);
          if (Number.isFinite(next)) set(next);
        }}
      />
      <button
        type="button"
        aria-label={`Increase ${label.toLowerCase()}`}
        onClick={() => set(value + 1)}
        disabled={value >= max}
      >
        +
      </button>
    </div>
  );
}
