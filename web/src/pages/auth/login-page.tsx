import { useRef } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, setCsrf } from '../../api/client';
import { useAccountQuery } from '../../api/queries';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { safeGoto } from '../../auth/goto';
import { Loading } from '../../components/states';

export const LOGIN_FIELDS = [
  { name: 'email', labels: ['Email'] },
  { name: 'password', labels: ['Password'] },
];

export function LoginPage() {
  const [params] = useSearchParams();
  const goto = safeGoto(params.get('goto'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const account = useAccountQuery(null);
  // Once this page logs in, it navigates itself; the redirect below is for arriving logged in.
  const submitted = useRef(false);
  const form = useApiForm({
    initial: { email: '', password: '' },
    fields: LOGIN_FIELDS,
    submit: (v) => {
      submitted.current = true;
      return api.post('/forms/account/login', { body: { email: v.email.trim(), password: v.password, ...(goto ? { goto } : {}) } });
    },
    onSuccess: async (res) => {
      setCsrf('');
      await queryClient.resetQueries();
      navigate(safeGoto(res.redirect) ?? '/', { replace: true });
    },
  });
  if (account.isPending && !account.isError) return <Loading />;
  if (account.data && !submitted.current) return <Navigate to={goto ?? '/'} replace />;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">Nimbus</p>
        <h1>Log in</h1>
        {params.get('verifysuccess') ? (
          <div className="alert alert-ok" role="status">
            Your account is ready. Log in to continue.
          </div>
        ) : null}
        {goto ? <p className="muted">Log in to continue to the page you asked for.</p> : null}
        <form onSubmit={form.onSubmit} noValidate>
          <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required autoFocus />
          <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" required />
          <FormError form={form} />
          <SubmitRow form={form} label="Log in" busyLabel="Logging in…" />
        </form>
        <p className="auth-switch">
          New here? <Link to={goto ? `/register?goto=${encodeURIComponent(goto)}` : '/register'}>Create an account</Link>
        </p>
      </div>
    </main>
  );
}
