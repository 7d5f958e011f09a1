import { Link, useSearchParams } from 'react-router';
import { teamsOf, useAccountQuery } from '../api/queries';
import { PageHeader } from '../components/states';

export function WelcomePage() {
  const [params] = useSearchParams();
  const account = useAccountQuery(null).data?.account;
  const teams = teamsOf(account);
  const current = account?.currentTeam ?? teams[0]?.teamId;
  return (
    <>
      <PageHeader title={`Welcome${account?.name ? `, ${account.name}` : ''}`} />
      {params.get('noaccess') ? (
        <div className="alert alert-error" role="alert">
          You do not have access to that team. Pick one of yours below.
        </div>
      ) : null}
      {current ? (
        <section className="card">
          <h2>Get started</h2>
          <ol className="steps">
            <li>
              <Link to={`/${current}/model/add`}>Add a model</Link> — the LLM your agents talk with (OpenAI, Anthropic, Ollama, any
              OpenAI-compatible server…).
            </li>
            <li>
              <Link to={`/${current}/agent/add`}>Create an agent</Link> — a role, a goal and a model.
            </li>
            <li>
              <Link to={`/${current}/app/add`}>Build a chat app</Link> — pick the agent, add conversation starters.
            </li>
            <li>
              Open the app from <Link to={`/${current}/apps`}>Apps</Link> and start chatting.
            </li>
          </ol>
        </section>
      ) : null}
      <section className="card">
        <h2>Your teams</h2>
        {teams.length === 0 ? (
          <p className="muted">You are not a member of any team.</p>
        ) : (
          <ul className="plain-list">
            {teams.map((t) => (
              <li key={t.teamId} className="row-between">
                <span>
                  <strong>{t.teamName}</strong> <span className="muted">in {t.orgName}</span>
                  {t.teamId === account?.currentTeam ? <span className="badge">current</span> : null}
                </span>
                <Link className="button button-secondary" to={`/${t.teamId}/apps`}>
                  Open
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
