import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/errors';
import { useAccountQuery } from '../api/queries';
import { ErrorState, Loading } from '../components/states';
import { loginPath } from './goto';

/** Pages behind the login: a visitor without one goes to /login and comes back afterwards. */
export function RequireAuth() {
  const location = useLocation();
  const account = useAccountQuery(null);
  if (account.error instanceof ApiError && account.error.status === 401) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (account.isPending) return <Loading />;
  if (account.error) {
    return (
      <main className="narrow">
        <ErrorState error={account.error} retry={() => void account.refetch()} />
      </main>
    );
  }
  return <Outlet />;
}
