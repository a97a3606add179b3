import { useState } from 'react';
import { toApiError } from '../../lib/api-client';
import { useAdminApi } from './admin-session';

interface ResendButtonProps {
  gateway: string;
  eventId: string;
  /** A stored event comes back as a duplicate; a refused one may be accepted this time. */
  stored: boolean;
}

/**
 * Asks for the event to be delivered again: the sandbox does it; with a real gateway the answer
 * says where its dashboard resends.
 */
export function ResendButton({ gateway, eventId, stored }: ResendButtonProps) {
  const api = useAdminApi();
  const [state, setState] = useState<{ busy: boolean; message?: string; failed?: boolean }>({
    busy: false,
  });

  const resend = async () => {
    setState({ busy: true });
    try {
      await api.resendWebhook({ gateway, eventId });
      setState({
        busy: false,
        message: stored
          ? 'Sent again. The shop stores each event id once, so it answers “duplicate”, changes nothing and counts the redelivery: press Refresh.'
          : 'Sent again. Press Refresh: if the signature holds this time, the event is in the inbox.',
      });
    } catch (err) {
      setState({ busy: false, failed: true, message: toApiError(err).message });
    }
  };

  return (
    <span className="resend">
      <button
        type="button"
        className="button button-secondary"
        onClick={resend}
        disabled={state.busy}
      >
        {state.busy ? 'Resending…' : 'Resend'}
      </button>
      {state.message && (
        <span className={`small ${state.failed ? 'resend-failed' : 'hint'}`} role="status">
          {' '}
          {state.message}
        </span>
      )}
    </span>
  );
}
