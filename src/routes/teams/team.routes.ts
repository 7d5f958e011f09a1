import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { dynamic } from '../../http/respond.js';
import { email, id, idParams, requiredString, teamParams } from '../../http/fields.js';
import { TEAM_ROLE_NAMES, type TeamRole } from '../../auth/permissions.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId } from '../shared/ids.js';
import { teamJson, teamMemberJson } from './team.presenter.js';
import { TeamService } from './team.service.js';
import { InviteService } from './invite.service.js';

const tags = ['teams'];
const memberParams = idParams('memberId');
const MEMBER_NOT_FOUND = 'Team member not found';
const empty = z.object({});
const teamName = z.object({ teamName: requiredString('Team Name', 200) });
const template = z.enum(TEAM_ROLE_NAMES as [TeamRole, ...TeamRole[]], {
  error: (iss) => (iss.input === undefined || iss.input === null || iss.input === '' ? 'Template is empty' : 'Template is an invalid value'),
});

export function teamRoutes(ctx: AppContext): Route[] {
  const teams = new TeamService(ctx);
  const invites = new InviteService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/team.json',
      summary: 'The team with its members, their roles and effective permissions',
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ team: teamJson }) },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, { team: await teams.get(team) });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/team/:memberId.json',
      summary: 'One member of the team, with their effective permissions in it',
      description: 'A member id that is not in this team answers 404 (the reference hangs).',
      tags,
      auth: 'team',
      permission: 'teamMember.edit',
      params: memberParams,
      response: { 200: envelopeSchema({ teamMember: teamMemberJson }) },
      async handler({ principal, team, params }) {
        const teamMember = await teams.member(team, pathId(params.memberId, MEMBER_NOT_FOUND));
        return envelope(ctx, principal, team, { teamMember });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/team/:memberId/edit',
      summary: 'Change a member’s role (TEAM_MEMBER or TEAM_ADMIN)',
      description: 'The team owner’s role cannot be changed. Takes effect on the member’s next request.',
      tags,
      auth: 'team',
      permission: 'teamMember.edit',
      params: memberParams,
      body: z.object({ template: z.string({ error: 'Invalid template' }).nullish().describe('TEAM_MEMBER | TEAM_ADMIN') }).nullish(),
      response: { 200: empty },
      async handler({ team, params, body }) {
        await teams.setRole(team, pathId(params.memberId, MEMBER_NOT_FOUND), body?.template);
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/team/edit',
      summary: 'Rename the team',
      tags,
      auth: 'team',
      permission: 'team.edit',
      params: teamParams,
      body: teamName,
      response: { 200: empty },
      async handler({ team, body }) {
        await teams.rename(team, body.teamName);
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/team/invite',
      summary: 'Invite someone to the team by email, creating their account if it is new',
      description:
        'No e-mail is sent: the answer carries `inviteUrl` (`/verify?token=…`, one use, valid 7 days) to hand to the invitee. A new account joins at once and sets its password through the link; an existing account joins only when, logged in, it accepts the link (POST /forms/account/invite/accept).',
      tags,
      auth: 'team',
      permission: 'teamMember.add',
      params: teamParams,
      body: z.object({ name: requiredString('Name', 200), email: email(), template }),
      response: { 200: z.object({ inviteUrl: z.string().optional() }) },
      async handler({ principal, team, body }) {
        return invites.invite(team, principal.account.id, { name: body.name, email: body.email, template: body.template });
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/team/invite',
      summary: 'Remove a member from the team (their access ends at once), or withdraw their pending invitation',
      tags,
      auth: 'team',
      permission: 'teamMember.remove',
      params: teamParams,
      body: z.object({ memberId: id('Member ID') }),
      response: { 200: empty },
      async handler({ team, body }) {
        await teams.remove(team, body.memberId);
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/team/add',
      summary: 'Create a team in this team’s org, owned by the caller',
      description: 'The client then switches to it with /forms/account/switch.',
      tags,
      auth: 'team',
      permission: 'team.create',
      params: teamParams,
      body: teamName,
      response: { 200: z.object({ _id: z.string(), orgId: z.string() }) },
      async handler({ principal, team, body }) {
        return teams.create(team, principal.account.id, body.teamName);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/invite.json',
      summary: 'What an invite link is for: setting a first password, or joining a team',
      tags: ['accounts'],
      auth: 'public',
      query: z.object({ token: requiredString('Token', 500) }),
      response: {
        200: z.union([
          z.object({ kind: z.literal('password'), email: z.string(), name: z.string() }),
          z.object({ kind: z.literal('join'), email: z.string(), name: z.string(), teamName: z.string(), role: template }),
        ]),
      },
      async handler({ query }) {
        return invites.describe(query.token);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/invite/accept',
      summary: 'Accept an invitation to a team with the invite link’s token, as the invited account',
      tags: ['accounts'],
      auth: 'account',
      body: z.object({ token: requiredString('Token', 500) }),
      response: { 200: z.object({ teamId: z.string(), orgId: z.string(), redirect: z.string() }) },
      async handler({ principal, body }) {
        const joined = await invites.accept(principal.account.id, body.token);
        return { ...joined, redirect: `/${joined.teamId}/apps` };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/forms/account/verify',
      summary: 'Accept an invitation: set the first password with the invite link’s token',
      tags: ['accounts'],
      auth: 'public',
      csrf: false,
      body: z.object({
        token: requiredString('Token', 500),
        password: z.string({ error: 'Invalid inputs' }).nullish(),
      }),
      response: { 200: z.object({ redirect: z.string() }), 302: z.object({ redirect: z.string() }) },
      async handler({ body }) {
        await invites.verify(body.token, body.password);
        return dynamic({ redirect: '/login?verifysuccess=true' });
      },
    }),
  ];
}
