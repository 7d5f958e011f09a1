import { Link } from 'react-router';
import { api } from '../../api/client';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { AuthCard, useLoginFlow } from './auth-card';

export const REGISTER_FIELDS = [
  { name: 'name', labels: ['Name'] },
  { name: 'email', labels: ['Email', 'Account already exists'] },
  { name: 'password', labels: ['Password'] },
];

export function RegisterPage() {
  const flow = useLoginFlow();
  const { goto } = flow;
  const form = useApiForm({
    initial: { name: '', email: '', password: '' },
    fields: REGISTER_FIELDS,
    async submit(v) {
      flow.markSubmitted();
      const email = v.email.trim();
      await api.post('/forms/account/register', { body: { name: v.name.trim(), email, password: v.password } });
      // Accounts are usable at once: log straight in rather than asking for the password again.
      try {
        return await api.post('/forms/account/login', { body: { email, password: v.password, ...(goto ? { goto } : {}) } });
      } catch {
        return { redirect: '/login?verifysuccess=true', token: '' };
      }
    },
    onSuccess: (res) => flow.loggedIn(res),
  });
  const gate = flow.gate('/welcome');
  if (gate) return gate;
  return (
    <AuthCard title="Create your account">
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
    </AuthCard>
  );
}
