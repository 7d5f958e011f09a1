import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAccountQuery } from '../../api/queries';
import { loginPath } from '../../auth/goto';
import { FormError, SubmitRow, TextField, useApiForm } from '../../components/form';
import { ActionError, Loading } from '../../components/states';
import { ROLE_LABEL } from '../team/roles';
import { AuthCard } from './auth-card';

// The server's password rules ("Password must be at least 8 characters") and a missing password.
export const VERIFY_FIELDS = [{ name: 'password', labels: ['Password', 'Invalid inputs'] }];

export const INVALID_TOKEN = 'Invalid token';
/** Where the server sends a verified invitee (its `redirect`): the login page, with a welcome. */
const AFTER_VERIFY = '/login?verifysuccess=true';

/**
 * /verify?token=…: the link a team admin hands to someone they invited (it works once). A new
 * account chooses its password here, then logs in; an existing account, logged in, accepts.
 */
export function VerifyPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => api.get('/invite.json', { query: { token } }),
    enabled: token !== '',
    retry: false,
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
  if (invite.isPending) return <Loading />;
  if (invite.data?.kind === 'join') return <JoinTeam token={token} invite={invite.data} />;
  if (invite.isError) {
    return (
      <AuthCard title="Accept your invitation">
        <DeadLink />
        <p className="auth-switch">
          Already set your password? <Link to="/login">Log in</Link>
        </p>
      </AuthCard>
    );
  }
  return <ChoosePassword token={token} />;
}

function DeadLink() {
  return (
    <div className="alert alert-error" role="alert">
      <strong>This invitation link does not work.</strong>
      <p>It has been used already, it is more than 7 days old, or it was not copied whole. Ask your team admin for a new one.</p>
    </div>
  );
}

/** An existing account invited into a team: it joins by accepting while logged in as itself. */
function JoinTeam({ token, invite }: { token: string; invite: { email: string; name: string; teamName: string; role: 'TEAM_MEMBER' | 'TEAM_ADMIN' } }) {
  const account = useAccountQuery(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accept = useMutation({
    // Accepting also makes it the account's current team, in the same step on the server.
    mutationFn: () => api.post('/forms/account/invite/accept', { body: { token } }),
    onSuccess: async (joined) => {
      await queryClient.invalidateQueries({ queryKey: ['account'] });
      navigate(joined.redirect, { replace: true });
    },
  });
  const here = `/verify?token=${encodeURIComponent(token)}`;
  const me = account.data?.account;
  return (
    <AuthCard title="Join a team">
      <p>
        {invite.name} ({invite.email}) is invited to join <strong>{invite.teamName}</strong> as {ROLE_LABEL[invite.role].toLowerCase()}.
      </p>
      {account.isPending ? (
        <Loading />
      ) : !me ? (
        <p>
          <Link className="button-primary" to={loginPath(here)}>
            Log in as {invite.email} to accept
          </Link>
        </p>
      ) : me.email.toLowerCase() !== invite.email.toLowerCase() ? (
        <div className="alert alert-error" role="alert">
          You are logged in as {me.email}. This invitation is for {invite.email}: <Link to="/logout">log out</Link> and log in as {invite.email} to accept it.
        </div>
      ) : (
        <>
          <ActionError error={accept.error} />
          <button type="button" className="button-primary" disabled={accept.isPending} onClick={() => accept.mutate()}>
            {accept.isPending ? 'Joining…' : `Join ${invite.teamName}`}
          </button>
        </>
      )}
    </AuthCard>
  );
}

/** A new account's first password; the server consumes the link only when the password is accepted. */
function ChoosePassword({ token }: { token: string }) {
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
  // Used between opening the page and sending the password (or in another tab).
  const tokenRejected = form.errors.form === INVALID_TOKEN;
  return (
    <AuthCard title="Accept your invitation">
      <p className="muted">You have been added to a team. Choose a password for your account, then log in.</p>
      {tokenRejected ? <DeadLink /> : null}
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
