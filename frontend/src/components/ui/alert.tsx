import type { ReactNode } from 'react';

interface ErrorMessageProps {
  title?: string;
  /** An ApiError, any Error, or a message. */
  error: { message: string } | string;
  onRetry?: () => void;
  retryLabel?: string;
  children?: ReactNode;
}

/** A failure the user should notice at once: announced by screen readers (role=alert). */
export function ErrorMessage({
  title,
  error,
  onRetry,
  retryLabel = 'Try again',
  children,
}: ErrorMessageProps) {
  return (
    <div className="alert alert-error" role="alert">
      {title && <p className="alert-title">{title}</p>}
      <p>{typeof error === 'string' ? error : error.message}</p>
      {children}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

/** A polite status update (role=status): progress, a dismissed modal, a saved form. */
export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'success' | 'warning';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}
