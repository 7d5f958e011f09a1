import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error from the server, in its own words, with a way forward. */
export function ErrorState({ error, retry, title }: { error: unknown; retry?: () => void; title?: string }) {
  const status = error instanceof ApiError ? error.status : 0;
  const heading =
    title ?? (status === 404 ? 'Not found' : status === 403 ? 'No access' : status === 401 ? 'Please log in' : 'Something went wrong');
  return (
    <div className="alert alert-error state" role="alert">
      <strong>{heading}</strong>
      <p>{errorMessage(error)}</p>
      {status === 404 && error instanceof ApiError && /route .* not found/i.test(error.message) ? (
        <p className="muted">This part of the API is not available on this server yet.</p>
      ) : null}
      {status === 403 ? (
        <p>
          <Link to="/welcome">Go to your teams</Link>
        </p>
      ) : null}
      {retry && status !== 403 && status !== 404 ? (
        <button type="button" className="button-secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A failed action on a list's item (delete, cancel…), above the list. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(error)}
    </div>
  );
}

/** What a list query needs for its states (a plain or an infinite query). */
export interface ListQuery {
  isPending: boolean;
  error: unknown;
  refetch(): unknown;
}

/** A list's loading, error and empty states; `children` draws the items once there are some. */
export function ListStates<T>({ query, items, empty, children }: { query: ListQuery; items: T[] | undefined; empty: ReactNode; children(items: T[]): ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (!items || items.length === 0) return <>{empty}</>;
  return <>{children(items)}</>;
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children ? <div className="muted">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

export function PageHeader({ title, children, back }: { title: string; children?: ReactNode; back?: { to: string; label: string } }) {
  return (
    <header className="page-header">
      <div>
        {back ? (
          <Link className="back-link" to={back.to}>
            ← {back.label}
          </Link>
        ) : null}
        <h1>{title}</h1>
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}
