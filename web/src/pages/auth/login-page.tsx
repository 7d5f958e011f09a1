import { Link } from 'react-router';
import { api } from '../../api/client';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { AuthCard, useLoginFlow } from './auth-card';

export const LOGIN_FIELDS = [
  { name: 'email', labels: ['Email'] },
  { name: 'password', labels: ['Password'] },
];

export function LoginPage() {
  const flow = useLoginFlow();
  const { goto } = flow;
  const form = useApiForm({
    initial: { email: '', password: '' },
    fields: LOGIN_FIELDS,
    submit: (v) => {
      flow.markSubmitted();
      return api.post('/forms/account/login', { body: { email: v.email.trim(), password: v.password, ...(goto ? { goto } : {}) } });
    },
    onSuccess: (res) => flow.loggedIn(res),
  });
  const gate = flow.gate('/');
  if (gate) return gate;
  return (
    <AuthCard title="Log in">
      {flow.params.get('verifysuccess') ? (
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
    </AuthCard>
  );
}
