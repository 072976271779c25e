/**
 * Who may do what (GOV-5): the explicit role × permission matrix.
 *
 * Least privilege: a role gets only what its job needs. Teams that receive hand-offs (PALS, FOI,
 * Quality) see the items handed to them, not the whole inbox; the auditor reads everything and
 * changes nothing; the administrator manages people and settings but does not work the inbox.
 * A membership may hold several roles; its permissions are the union.
 */

export const ROLE_IDS = [
  'comms_officer',
  'comms_manager',
  'oncall_manager',
  'staff',
  'line_manager',
  'pals',
  'foi',
  'quality',
  'governance',
  'it',
  'auditor',
  'administrator',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export const PERMISSIONS = {
  'inbox.read': 'See the whole inbox: items, their triage and evidence, authors',
  'inbox.ingest': 'Add items to the inbox (connectors, imports, the API)',
  'item.work': 'Work an item: status, assignment, action steps, label corrections, replies',
  'item.handoff': 'Hand an item off to PALS, FOI, Quality, press, governance or safeguarding',
  'item.erase': 'Erase an item’s personal data after hand-off (INB-11)',
  'item.moderate':
    'Hide or delete a message on its platform; moderate the internal staff network (STF-6)',
  'handoff.read': 'See items handed off to one’s own team',
  'handoff.respond': 'Record a team’s response to a hand-off or consultation',
  'author.mark': 'Mark an author do-not-engage, or lift the mark',
  'post.read': 'See drafts, scheduled and published posts',
  'post.draft': 'Write and edit drafts and replies',
  'post.approve': 'Approve or reject a post awaiting approval (PUB-2)',
  'post.publish': 'Publish or schedule an approved post',
  'post.correct': 'Correct a published post with visible edit history',
  'post.remove_personal_data': 'Delete a published post that exposed personal data (PUB-6)',
  'crisis.manage': 'Switch crisis mode on or off (INB-5)',
  'oncall.manage': 'Edit the on-call rota',
  'oncall.acknowledge': 'Acknowledge an escalation',
  'account.read': 'See the account registry',
  'account.manage': 'Register accounts and change their managers and owner team',
  'credentials.manage': 'Connect accounts and hold their credentials',
  'audit.read': 'Read the audit log and verify its chain',
  'audit.export': 'Export the audit log',
  'report.read': 'Read reports',
  'members.manage': 'Add people, give and remove roles',
  'settings.manage': 'Change the organisation’s profile overrides and API tokens',
  'draft.check': 'Check one’s own draft against the policy',
  'advice.answer': 'See and answer staff requests for advice on a personal post (STF-1)',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const COMMS_OFFICER: readonly Permission[] = [
  'inbox.read',
  'inbox.ingest',
  'item.work',
  'item.handoff',
  'author.mark',
  'post.read',
  'post.draft',
  'oncall.acknowledge',
  'account.read',
  'report.read',
  'draft.check',
  'advice.answer',
];

/** The matrix. Tested cell by cell in permissions.test.ts and through the API. */
export const ROLE_PERMISSIONS: Readonly<Record<RoleId, readonly Permission[]>> = {
  comms_officer: COMMS_OFFICER,
  comms_manager: [
    ...COMMS_OFFICER,
    'item.erase',
    'item.moderate',
    'post.approve',
    'post.publish',
    'post.correct',
    'post.remove_personal_data',
    'crisis.manage',
    'oncall.manage',
    'account.manage',
    'audit.read',
  ],
  oncall_manager: [
    'inbox.read',
    'item.work',
    'item.handoff',
    'post.read',
    'post.draft',
    'post.approve',
    'post.publish',
    'crisis.manage',
    'oncall.acknowledge',
    'account.read',
    'draft.check',
  ],
  staff: ['draft.check'],
  line_manager: ['draft.check', 'report.read'],
  pals: ['handoff.read', 'handoff.respond', 'draft.check'],
  foi: ['handoff.read', 'handoff.respond', 'draft.check'],
  quality: ['handoff.read', 'handoff.respond', 'draft.check'],
  governance: [
    'inbox.read',
    'handoff.read',
    'handoff.respond',
    'item.erase',
    'account.read',
    'audit.read',
    'audit.export',
    'report.read',
    'draft.check',
  ],
  it: ['account.read', 'credentials.manage'],
  auditor: ['inbox.read', 'post.read', 'account.read', 'audit.read', 'audit.export', 'report.read'],
  administrator: [
    'members.manage',
    'settings.manage',
    'account.read',
    'account.manage',
    'audit.read',
  ],
};

/** The union of the permissions of these roles. */
export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) {
    for (const p of ROLE_PERMISSIONS[role as RoleId] ?? []) out.add(p);
  }
  return out;
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role as RoleId]?.includes(permission) ?? false);
}

/** The handoff routes each receiving team sees (their "inbox" is what was handed to them). */
export const TEAM_OF_ROLE: Readonly<Partial<Record<RoleId, readonly string[]>>> = {
  pals: ['pals'],
  foi: ['foi'],
  quality: ['quality', 'safeguarding'],
  governance: ['governance', 'information_governance', 'legal'],
};
