import { useStoreConfig } from '../lib/store-config';

/** In sandbox mode nothing is real; say so on every page. */
export function SandboxBadge() {
  const { data } = useStoreConfig();
  if (data?.mode !== 'sandbox') return null;
  return (
    <span
      className="sandbox-badge"
      data-testid="sandbox-badge"
      title="Payments go to the offline gateway sandbox: no real money moves."
    >
      Sandbox mode
    </span>
  );
}
