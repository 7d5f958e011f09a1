import { useRef } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, setCsrf } from '../../api/client';
import { useAccountQuery } from '../../api/queries';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { safeGoto } from '../../auth/goto';
import { Loading } from '../../components/states';

export const REGISTER_FIELDS = [
  { name: 'name', labels: ['Name'] },
  { name: 'email', labels: ['Email', 'Account already exists'] },
  { name: 'password', labels: ['Password'] },
];

export function RegisterPage() {
  const [params] = useSearchParams();
  const goto = safeGoto(params.get('goto'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const account = useAccountQuery(null);
  // Once this page logs in, it navigates itself; the redirect below is for arriving logged in.
  const submitted = useRef(false);
  const form = useApiForm({
    initial: { name: '', email: '', password: '' },
    fields: REGISTER_FIELDS,
    async submit(v) {
      submitted.current = true;
      const email = v.email.trim();
      await api.post('/forms/account/register', { body: { name: v.name.trim(), email, password: v.password } });
      // Accounts are usable at once: log straight in rather than asking for the password again.
      try {
        return await api.post('/forms/account/login', { body: { email, password: v.password, ...(goto ? { goto } : {}) } });
      } catch {
        return { redirect: '/login?verifysuccess=true', token: '' };
      }
    },
    onSuccess: async (res) => {
      setCsrf('');
      await queryClient.resetQueries();
      navigate(safeGoto(res.redirect) ?? '/', { replace: true });
    },
  });
  if (account.isPending && !account.isError) return <Loading />;
  if (account.data && !submitted.current) return <Navigate to={goto ?? '/welcome'} replace />;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large">Nimbus</p>
        <h1>Create your account</h1>
        <p className="muted">You get your own team right away.</p>
        <form onSubmit={form.onSubmit} noValidate>
          <TextField form={form} name="name" label="Name" autoComplete="name" required autoFocus />
          <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required />
          <TextField form={form} name="password" label="Password" type="password" autoComplete="new-password" required />
          <FormError form={form} />
          <SubmitRow form={form} label="Create account" busyLabel="Creating…" />
        </form>
        <p className="auth-switch">
          Already have an account? <Link to={goto ? `/login?goto=${encodeURIComponent(goto)}` : '/login'}>Log in</Link>
        </p>
      </div>
    </main>
  );
}
