/**
 * The one policy module. Permissions are named; Agent Cloud's bit numbers appear only where its
 * clients see them (the base64 bitfield in `account.permissions`, team permission maps).
 */
export const PERMISSIONS = {
  root: { bit: 0, title: 'Root' },
  'org.owner': { bit: 10, title: 'Organization Owner' },
  'team.owner': { bit: 15, title: 'Team Owner' },
  'org.admin': { bit: 24, title: 'Organization Admin' },
  'org.create': { bit: 25, title: 'Create Organization' },
  'org.edit': { bit: 30, title: 'Edit Organization' },
  'org.delete': { bit: 35, title: 'Delete Organization' },
  'team.admin': { bit: 39, title: 'Team Admin' },
  'team.create': { bit: 40, title: 'Create Team' },
  'team.edit': { bit: 45, title: 'Edit Team' },
  'team.delete': { bit: 50, title: 'Delete Team' },
  'orgMember.add': { bit: 51, title: 'Add Org Member' },
  'orgMember.edit': { bit: 52, title: 'Edit Org Member' },
  'orgMember.remove': { bit: 53, title: 'Remove Org Member' },
  'teamMember.add': { bit: 55, title: 'Add Team Member' },
  'teamMember.edit': { bit: 60, title: 'Edit Team Member' },
  'teamMember.remove': { bit: 65, title: 'Remove Team Member' },
  'app.create': { bit: 70, title: 'Create App' },
  'app.edit': { bit: 75, title: 'Edit App' },
  'app.delete': { bit: 80, title: 'Delete App' },
  'deployment.create': { bit: 85, title: 'Create Deployment' },
  'deployment.edit': { bit: 90, title: 'Edit Deployment' },
  'deployment.delete': { bit: 95, title: 'Delete Deployment' },
  'agent.create': { bit: 100, title: 'Create Agent' },
  'agent.edit': { bit: 105, title: 'Edit Agent' },
  'agent.delete': { bit: 110, title: 'Delete Agent' },
  'model.create': { bit: 115, title: 'Create Model' },
  'model.edit': { bit: 120, title: 'Edit Model' },
  'model.delete': { bit: 125, title: 'Delete Model' },
  'task.create': { bit: 145, title: 'Create Task' },
  'task.edit': { bit: 150, title: 'Edit Task' },
  'task.delete': { bit: 155, title: 'Delete Task' },
  'tool.create': { bit: 160, title: 'Create Tool' },
  'tool.edit': { bit: 165, title: 'Edit Tool' },
  'tool.delete': { bit: 170, title: 'Delete Tool' },
  'datasource.create': { bit: 175, title: 'Create DataSource' },
  'datasource.edit': { bit: 180, title: 'Edit DataSource' },
  'datasource.sync': { bit: 181, title: 'Sync DataSource' },
  'datasource.delete': { bit: 185, title: 'Delete DataSource' },
  'asset.upload': { bit: 195, title: 'Upload Asset' },
  'asset.delete': { bit: 200, title: 'Delete Asset' },
  'variable.create': { bit: 205, title: 'Create Variable' },
  'variable.edit': { bit: 210, title: 'Edit Variable' },
  'variable.delete': { bit: 215, title: 'Delete Variable' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
// Agent Cloud stores vector-db rights on the variable bits; so do we.
export const VECTOR_DB_PERMISSIONS = { create: 'variable.create', edit: 'variable.edit', delete: 'variable.delete' } as const;

const ORG_BITS: Permission[] = ['org.admin', 'team.create', 'team.edit', 'team.delete', 'orgMember.add', 'orgMember.edit', 'orgMember.remove'];
const TEAM_BITS: Permission[] = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => {
  const bit = PERMISSIONS[p].bit;
  return bit === 39 || bit >= 55;
});
const MEMBER_BITS: Permission[] = TEAM_BITS.filter((p) => {
  const bit = PERMISSIONS[p].bit;
  return (bit >= 70 && bit <= 110) || (bit >= 145 && bit <= 215);
});

export const TEAM_ROLES = { TEAM_MEMBER: MEMBER_BITS, TEAM_ADMIN: TEAM_BITS } as const;
export const ORG_ROLES = {
  ORG_ADMIN: ['org.admin', 'team.create', 'team.edit', 'team.delete'] as Permission[],
  ORG_MEMBER: [] as Permission[],
} as const;
export type TeamRole = keyof typeof TEAM_ROLES;
export type OrgRole = keyof typeof ORG_ROLES;
export const TEAM_ROLE_NAMES = Object.keys(TEAM_ROLES) as TeamRole[];
export const ORG_ROLE_NAMES = Object.keys(ORG_ROLES) as OrgRole[];

export interface MembershipFacts {
  isOrgOwner: boolean;
  orgRole: OrgRole | null;
  isTeamOwner: boolean;
  teamRole: TeamRole | null;
}

/** Agent Cloud's calcPerms, with its bug fixed: an org owner may edit the org. */
export function effectivePermissions(m: MembershipFacts): ReadonlySet<Permission> {
  const set = new Set<Permission>();
  if (m.isOrgOwner) {
    set.add('org.owner').add('team.owner').add('org.edit');
    ORG_BITS.forEach((p) => set.add(p));
  } else if (m.orgRole) {
    ORG_ROLES[m.orgRole].forEach((p) => set.add(p));
  }
  if (m.isTeamOwner) set.add('team.owner');
  else if (m.teamRole) TEAM_ROLES[m.teamRole].forEach((p) => set.add(p));
  if (set.has('team.owner') || set.has('team.admin')) TEAM_BITS.forEach((p) => set.add(p));
  return set;
}

const cache = new Map<string, string>();

/** Agent Cloud's 255-byte, MSB-first bitfield in base64, as its clients read it. */
export function toBitfieldBase64(perms: Iterable<Permission>): string {
  const list = [...perms].sort();
  const key = list.join(',');
  let out = cache.get(key);
  if (out === undefined) {
    const bytes = new Uint8Array(255);
    for (const p of list) {
      const bit = PERMISSIONS[p].bit;
      bytes[bit >> 3]! |= 0x80 >> (bit % 8);
    }
    out = Buffer.from(bytes).toString('base64');
    cache.set(key, out);
  }
  return out;
}

export function permissionTitle(p: Permission): string {
  return PERMISSIONS[p].title;
}
