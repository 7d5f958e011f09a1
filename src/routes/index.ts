import type { AppContext } from '../context.js';
import type { Route } from '../http/route.js';
import { accountRoutes } from './accounts/account.routes.js';
import { apiKeyRoutes } from './accounts/apikey.routes.js';
import { variableRoutes } from './variables/variable.routes.js';
import { sessionRoutes } from './sessions/session.routes.js';
import { sessionChatRoutes } from './sessions/session-chat.routes.js';
import { teamRoutes } from './teams/team.routes.js';
import { orgRoutes } from './orgs/org.routes.js';
import { modelRoutes } from './models/model.routes.js';
import { toolRoutes } from './tools/tool.routes.js';
import { agentRoutes } from './agents/agent.routes.js';
import { taskRoutes } from './tasks/task.routes.js';
import { appRoutes } from './apps/app.routes.js';

/** Every route module of the API, in one list. */
export function allRoutes(ctx: AppContext): Route[] {
  return [...accountRoutes(ctx), ...apiKeyRoutes(ctx), ...variableRoutes(ctx), ...sessionRoutes(ctx), ...sessionChatRoutes(ctx), ...teamRoutes(ctx), ...orgRoutes(ctx), ...modelRoutes(ctx), ...toolRoutes(ctx), ...agentRoutes(ctx), ...taskRoutes(ctx), ...appRoutes(ctx)];
}
