import { useRef, type ReactElement, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setCsrf } from '../../api/client';
import { useAccountQuery } from '../../api/queries';
import { safeGoto } from '../../auth/goto';
import { Loading } from '../../components/states';

/** The pages before the login (log in, sign up, accept an invite): one card on a plain page. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">Nimbus</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** What the login and sign-up pages share: the `goto` to return to, the login's end, and arriving logged in. */
export function useLoginFlow() {
  const [params] = useSearchParams();
  const goto = safeGoto(params.get('goto'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const account = useAccountQuery(null);
  // Once the page has logged in, it navigates itself; `gate` is for arriving logged in.
  const submitted = useRef(false);
  return {
    params,
    goto,
    markSubmitted() {
      submitted.current = true;
    },
    /** Logged in: a new session (new CSRF token, fresh data), then where the server says. */
    async loggedIn(res: { redirect: string }) {
      setCsrf('');
      await queryClient.resetQueries();
      navigate(safeGoto(res.redirect) ?? '/', { replace: true });
    },
    /** What to show instead of the form: a spinner while asking who is there, a redirect when someone is. */
    gate(loggedInTarget: string): ReactElement | null {
      if (account.isPending && !account.isError) return <Loading />;
      if (account.data && !submitted.current) return <Navigate to={goto ?? loggedInTarget} replace />;
      return null;
    },
  };
}
