import type { AppContext } from '../context.js';
import { pageAlias, type Route } from '../http/route.js';
import { accountRoutes } from './accounts/account.routes.js';
import { apiKeyRoutes } from './accounts/apikey.routes.js';
import { variableRoutes } from './variables/variable.routes.js';
import { sessionRoutes } from './sessions/session.routes.js';
import { sessionChatRoutes } from './sessions/session-chat.routes.js';
import { teamRoutes } from './teams/team.routes.js';
import { orgRoutes } from './orgs/org.routes.js';
import { modelRoutes } from './models/model.routes.js';
import { testModelRoutes } from './models/test-model.routes.js';
import { toolRoutes } from './tools/tool.routes.js';
import { agentRoutes } from './agents/agent.routes.js';
import { taskRoutes } from './tasks/task.routes.js';
import { appRoutes } from './apps/app.routes.js';

/**
 * Page paths of the web app and the read envelope each answers to API clients (DESIGN §1.2):
 * every place a create redirects to, and the pages that show one object.
 */
const PAGES: Record<string, string> = {
  '/apikeys': '/apikeys.json',
  '/account': '/account.json',
  '/:teamId/apps': '/:teamId/apps.json',
  '/:teamId/app/:appId/edit': '/:teamId/app/:appId.json',
  '/:teamId/agents': '/:teamId/agents.json',
  '/:teamId/agent/:agentId/edit': '/:teamId/agent/:agentId.json',
  '/:teamId/tasks': '/:teamId/tasks.json',
  '/:teamId/task/:taskId/edit': '/:teamId/task/:taskId.json',
  '/:teamId/tools': '/:teamId/tools.json',
  '/:teamId/tool/:toolId/edit': '/:teamId/tool/:toolId.json',
  '/:teamId/models': '/:teamId/models.json',
  '/:teamId/model/:modelId/edit': '/:teamId/model/:modelId.json',
  '/:teamId/variables': '/:teamId/variables.json',
  '/:teamId/variable/:variableId/edit': '/:teamId/variable/:variableId.json',
  '/:teamId/sessions': '/:teamId/sessions.json',
  '/:teamId/session/:sessionId': '/:teamId/session/:sessionId.json',
  '/:teamId/team': '/:teamId/team.json',
  '/:teamId/org': '/:teamId/org.json',
};

/** Every route module of the API, in one list, plus the page paths. */
export function allRoutes(ctx: AppContext): Route[] {
  const routes = [
    ...accountRoutes(ctx),
    ...apiKeyRoutes(ctx),
    ...variableRoutes(ctx),
    ...sessionRoutes(ctx),
    ...sessionChatRoutes(ctx),
    ...teamRoutes(ctx),
    ...orgRoutes(ctx),
    ...modelRoutes(ctx),
    ...testModelRoutes(ctx),
    ...toolRoutes(ctx),
    ...agentRoutes(ctx),
    ...taskRoutes(ctx),
    ...appRoutes(ctx),
  ];
  const pages = Object.entries(PAGES).map(([page, json]) => {
    const route = routes.find((r) => r.method === 'GET' && r.url === json);
    if (!route) throw new Error(`page ${page}: no GET ${json} route`);
    return pageAlias(route, page);
  });
  return [...routes, ...pages];
}
