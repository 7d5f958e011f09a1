import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { AuthCard } from './auth-card';

// The server's password rules ("Password must be at least 8 characters") and a missing password.
export const VERIFY_FIELDS = [{ name: 'password', labels: ['Password', 'Invalid inputs'] }];

export const INVALID_TOKEN = 'Invalid token';
/** Where the server sends a verified invitee (its `redirect`): the login page, with a welcome. */
const AFTER_VERIFY = '/login?verifysuccess=true';

/**
 * /verify?token=…: the link a team admin hands to someone they invited. The invitee chooses a
 * password here (the link works once), then logs in.
 */
export function VerifyPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const form = useApiForm({
    initial: { password: '', confirm: '' },
    fields: VERIFY_FIELDS,
    validate: (v): Record<string, string> => {
      if (!v.password) return { password: 'Choose a password' };
      if (v.confirm !== v.password) return { confirm: 'The two passwords are not the same' };
      return {};
    },
    submit: (v) => api.post('/forms/account/verify', { body: { token, password: v.password } }),
    onSuccess: () => navigate(AFTER_VERIFY, { replace: true }),
  });
  if (!token) {
    return (
      <AuthCard title="Accept your invitation">
        <div className="alert alert-error" role="alert">
          This link has no invitation in it. Open the whole link your team admin sent you, or ask them for a new one.
        </div>
        <p className="auth-switch">
          Already have a password? <Link to="/login">Log in</Link>
        </p>
      </AuthCard>
    );
  }
  const tokenRejected = form.errors.form === INVALID_TOKEN;
  return (
    <AuthCard title="Accept your invitation">
      <p className="muted">You have been added to a team. Choose a password for your account, then log in.</p>
      {tokenRejected ? (
        <div className="alert alert-error" role="alert">
          <strong>This invitation link does not work.</strong>
          <p>It has been used already, it is more than 7 days old, or it was not copied whole. Ask your team admin for a new one.</p>
        </div>
      ) : null}
      <form onSubmit={form.onSubmit} noValidate>
        <TextField form={form} name="password" label="Password" type="password" autoComplete="new-password" hint="At least 8 characters." required autoFocus />
        <TextField form={form} name="confirm" label="Confirm password" type="password" autoComplete="new-password" required />
        {tokenRejected ? null : <FormError form={form} />}
        <SubmitRow form={form} label="Set password" busyLabel="Saving…" />
      </form>
      <p className="auth-switch">
        Already set your password? <Link to="/login">Log in</Link>
      </p>
    </AuthCard>
  );
}
