import { useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { api, setCsrf } from './api/client';
import { useAccountQuery } from './api/queries';
import { RequireAuth } from './auth/require-auth';
import { Shell } from './layout/shell';
import { TeamGate } from './layout/team-gate';
import { createQueryClient } from './query-client';
import { Loading } from './components/states';
import { LoginPage } from './pages/auth/login-page';
import { RegisterPage } from './pages/auth/register-page';
import { VerifyPage } from './pages/auth/verify-page';
import { WelcomePage } from './pages/welcome-page';
import { NotFoundPage } from './pages/not-found-page';
import { ApiKeysPage } from './pages/apikeys/apikeys-page';
import { AppsPage } from './pages/apps/apps-page';
import { AppFormPage } from './pages/apps/app-form-page';
import { AgentsPage } from './pages/agents/agents-page';
import { AgentFormPage } from './pages/agents/agent-form-page';
import { TasksPage } from './pages/tasks/tasks-page';
import { TaskFormPage } from './pages/tasks/task-form-page';
import { ModelsPage } from './pages/models/models-page';
import { ModelFormPage } from './pages/models/model-form-page';
import { VariablesPage } from './pages/variables/variables-page';
import { VariableFormPage } from './pages/variables/variable-form-page';
import { SessionsPage } from './pages/sessions/sessions-page';
import { TeamPage } from './pages/team/team-page';
import { SessionPage } from './session/session-page';

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/verify" element={<VerifyPage />} />
      <Route path="/logout" element={<LogoutPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<HomeRedirect />} />
        <Route element={<Shell />}>
          <Route path="/welcome" element={<WelcomePage />} />
          <Route path="/apikeys" element={<ApiKeysPage />} />
          <Route path="/:teamId" element={<TeamGate />}>
            <Route index element={<Navigate to="apps" replace />} />
            <Route path="onboarding/*" element={<Navigate to="../models" relative="path" replace />} />
            <Route path="apps" element={<AppsPage />} />
            <Route path="app/add" element={<AppFormPage />} />
            <Route path="app/:appId/edit" element={<AppFormPage />} />
            <Route path="agents" element={<AgentsPage />} />
            <Route path="agent/add" element={<AgentFormPage />} />
            <Route path="agent/:agentId/edit" element={<AgentFormPage />} />
            <Route path="tasks" element={<TasksPage />} />
            <Route path="task/add" element={<TaskFormPage />} />
            <Route path="task/:taskId/edit" element={<TaskFormPage />} />
            <Route path="models" element={<ModelsPage />} />
            <Route path="model/add" element={<ModelFormPage />} />
            <Route path="model/:modelId/edit" element={<ModelFormPage />} />
            <Route path="variables" element={<VariablesPage />} />
            <Route path="variable/add" element={<VariableFormPage />} />
            <Route path="variable/:variableId/edit" element={<VariableFormPage />} />
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="session/:sessionId" element={<SessionPage />} />
            <Route path="team" element={<TeamPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

/** `/`: the current team's apps, or the team list when there is no current team. */
function HomeRedirect() {
  const account = useAccountQuery(null).data?.account;
  return <Navigate to={account?.currentTeam ? `/${account.currentTeam}/apps` : '/welcome'} replace />;
}

function LogoutPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    let done = false;
    void api
      .post('/forms/account/logout')
      .catch(() => undefined)
      .finally(() => {
        if (done) return;
        done = true;
        setCsrf('');
        queryClient.clear();
        navigate('/login', { replace: true });
      });
    return () => {
      done = true;
    };
  }, [navigate, queryClient]);
  return <Loading label="Logging out…" />;
}
