import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineRoute, type Route } from '../../http/route.js';
import { id, idParams, requiredString, teamParams } from '../../http/fields.js';
import { envelope, envelopeSchema } from '../shared/envelope.js';
import { pathId } from '../shared/ids.js';
import { orgJson, orgMemberJson, orgMemberListJson } from './org.presenter.js';
import { OrgService } from './org.service.js';

const tags = ['orgs'];
const memberParams = idParams('memberId');
const MEMBER_NOT_FOUND = 'Org member not found';
const empty = z.object({});

export function orgRoutes(ctx: AppContext): Route[] {
  const orgs = new OrgService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/:teamId/org.json',
      summary: 'The org of this team: its teams, members of all its teams and their org permissions',
      tags,
      auth: 'team',
      params: teamParams,
      response: { 200: envelopeSchema({ members: z.array(orgMemberListJson), org: orgJson }) },
      async handler({ principal, team }) {
        return envelope(ctx, principal, team, await orgs.get(team));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/:teamId/org/:memberId.json',
      summary: 'One member of the org, with their org-level permissions',
      description: 'Someone who is in no team of this org answers 404.',
      tags,
      auth: 'team',
      permission: 'orgMember.edit',
      params: memberParams,
      response: { 200: envelopeSchema({ orgMember: orgMemberJson }) },
      async handler({ principal, team, params }) {
        const orgMember = await orgs.member(team, pathId(params.memberId, MEMBER_NOT_FOUND));
        return envelope(ctx, principal, team, { orgMember });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/org/edit',
      summary: 'Rename the org (the org owner may; the reference let only ROOT)',
      tags,
      auth: 'team',
      permission: 'org.edit',
      params: teamParams,
      // The reference labels this field wrongly, so its message reads "[orgName] is empty".
      body: z.object({ orgName: requiredString('[orgName]', 200) }),
      response: { 200: empty },
      async handler({ team, body }) {
        await orgs.rename(team, body.orgName);
        return {};
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/:teamId/forms/org/:memberId/edit',
      summary: 'Change a member’s org role (ORG_ADMIN or ORG_MEMBER)',
      description:
        'Needs "Edit Org Member" (the reference asked only for "Edit Team Member", which let any team admin make themselves org admin). The org owner’s role cannot be changed.',
      tags,
      auth: 'team',
      permission: 'orgMember.edit',
      params: memberParams,
      body: z.object({ template: z.string({ error: 'Invalid role' }).nullish().describe('ORG_ADMIN | ORG_MEMBER') }).nullish(),
      response: { 200: empty },
      async handler({ team, params, body }) {
        await orgs.setRole(team, pathId(params.memberId, MEMBER_NOT_FOUND), body?.template);
        return {};
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/:teamId/forms/org/invite',
      summary: 'Remove a member from every team of the org (their access ends at once)',
      tags,
      auth: 'team',
      permission: 'orgMember.remove',
      params: teamParams,
      body: z.object({ memberId: id('Member ID') }),
      response: { 200: empty },
      async handler({ team, body }) {
        await orgs.remove(team, body.memberId);
        return {};
      },
    }),
  ];
}
