/**
 * The demo organisation `serve --demo` creates on first start, so a new user sees a working desk:
 * people in every role, three accounts, and a morning's worth of realistic inbox items (all
 * invented: names, numbers and places are examples). Items arrive through the same ingest path
 * as a connector's, so they are triaged, clocked and audited like real ones.
 *
 * Sign-in passwords are random, made once per data directory and printed at every start.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../store/index.js';
import { hashPassword } from './auth/passwords.js';
import type { Desk } from './context.js';
import { seedDemoPosts } from './demo-posts.js';
import { ItemsService, type IncomingItem } from './services/items.service.js';

export const DEMO_SLUG = 'demo';

export const DEMO_PEOPLE: { email: string; name: string; roles: Role[] }[] = [
  { email: 'manager@example.nhs.uk', name: 'Sam Okafor (comms manager)', roles: ['comms_manager'] },
  { email: 'officer@example.nhs.uk', name: 'Priya Shah (comms officer)', roles: ['comms_officer'] },
  {
    email: 'oncall@example.nhs.uk',
    name: 'Alex Morgan (duty manager on call)',
    roles: ['oncall_manager', 'comms_officer'],
  },
  { email: 'pals@example.nhs.uk', name: 'Jo Evans (PALS)', roles: ['pals'] },
  { email: 'foi@example.nhs.uk', name: 'Chris Lee (FOI)', roles: ['foi'] },
  { email: 'quality@example.nhs.uk', name: 'Morgan Price (Quality)', roles: ['quality'] },
  { email: 'governance@example.nhs.uk', name: 'Dana Hughes (governance)', roles: ['governance'] },
  { email: 'auditor@example.nhs.uk', name: 'Rowan Blake (auditor)', roles: ['auditor'] },
  { email: 'admin@example.nhs.uk', name: 'Kit Walsh (administrator)', roles: ['administrator'] },
  { email: 'staff@example.nhs.uk', name: 'Lee Carter (staff)', roles: ['staff'] },
];

/** [minutes before now, platform, kind, author, text] */
const DEMO_ITEMS: [number, string, string, string, string][] = [
  [
    5,
    'facebook',
    'comment',
    'Maggie T',
    'My dad has been on ward 7 since Tuesday and nobody has given him his insulin since last night, we keep asking and are told to wait. He is getting confused.',
  ],
  [
    12,
    'x',
    'mention',
    'Dr_Rob_Reporter',
    'Hi, I’m writing a piece for the Evening Gazette about A&E waits this winter — could your press team give me a comment by 4pm?',
  ],
  [
    18,
    'facebook',
    'comment',
    'Ken Adebayo',
    'Please can you tell me how much the trust spent on agency nurses in 2024/25, broken down by month. Ken Adebayo, ken.adebayo@example.com',
  ],
  [
    25,
    'instagram',
    'comment',
    'lucy.b',
    'The midwives on delivery suite were absolute angels last week, thank you for looking after me and baby Noah ❤️',
  ],
  [
    31,
    'facebook',
    'comment',
    'Dave W',
    'Waited 6 hours in outpatients yesterday with no explanation and the receptionist was rude. Who do I complain to?',
  ],
  [
    40,
    'x',
    'reply',
    'healthfacts_uk',
    'The new vaccine clinic is secretly testing microchips on kids, everyone knows it. Share before they delete this',
  ],
  [
    46,
    'facebook',
    'dm',
    'Sarah J',
    'Hi, I’ve had chest pain and my left arm is numb for the last half hour, should I come to A&E or wait for my GP?',
  ],
  [
    52,
    'instagram',
    'comment',
    'tom_k',
    'What are the visiting hours on the children’s ward this weekend?',
  ],
  [
    63,
    'x',
    'mention',
    'angry_anon',
    'you lot are useless [expletive] idiots, I know where your manager parks',
  ],
  [
    70,
    'facebook',
    'comment',
    'Bev Collins',
    'My mum’s NHS number is 943 476 5919, can someone check her appointment please? Her phone is 07700 900456',
  ],
  [
    85,
    'x',
    'mention',
    'solicitor_firm',
    'We act for a patient in a clinical negligence claim against the trust; please confirm the address for service of the letter of claim.',
  ],
  [
    95,
    'facebook',
    'comment',
    'Gary P',
    'Is it normal to still be bleeding two weeks after a tonsillectomy? Should I stop taking the antibiotics?',
  ],
  [
    120,
    'instagram',
    'comment',
    'win_big_now',
    'Click here to claim your free £500 voucher!!! limited offer',
  ],
  [
    150,
    'facebook',
    'comment',
    'Ann M',
    'Parking at the main entrance was a nightmare again today. Not a complaint, just frustrated.',
  ],
];

/** Create the demo organisation once; later starts change nothing. Returns the people's password. */
export async function seedDemo(desk: Desk): Promise<{ created: boolean; password: string }> {
  const { store, clock } = desk;
  const passwordFile = join(desk.config.dataDir, 'demo-password.txt');
  const existing = await store.organisations.bySlug(DEMO_SLUG);
  if (existing) {
    const password = existsSync(passwordFile)
      ? readFileSync(passwordFile, 'utf8').trim()
      : '(see the data directory)';
    return { created: false, password };
  }
  const password = randomBytes(12).toString('base64url');
  const hash = await hashPassword(password);
  const at = clock.now();
  const org = await store.transaction(async (tx) => {
    const o = await tx.organisations.create(
      { slug: DEMO_SLUG, name: 'Example NHS Trust (demo)', profileId: 'nhs-default' },
      at,
    );
    const ids: number[] = [];
    for (const p of DEMO_PEOPLE) {
      const user =
        (await tx.users.byEmail(p.email)) ??
        (await tx.users.create({ email: p.email, displayName: p.name, passwordHash: hash }, at));
      await tx.users.setMembership(o.id, user.id, p.roles, at);
      ids.push(user.id);
    }
    const managers = ids.slice(0, 2);
    for (const [platform, handle] of [
      ['facebook', 'ExampleNHSTrust'],
      ['x', '@ExampleNHS'],
      ['instagram', '@examplenhstrust'],
      ['sandbox', 'demo-sandbox'],
    ] as const) {
      await tx.accounts.create(
        o.id,
        { platform, handle, ownerTeam: 'Communications', managers, verificationStatus: 'verified' },
        at,
      );
    }
    await tx.audit.append({
      organisationId: o.id,
      actor: 'system',
      action: 'organisation.created',
      subjectType: 'organisation',
      subjectId: o.id,
      after: { slug: DEMO_SLUG, demo: true },
      at,
    });
    return o;
  });
  const handles: Record<string, string> = {
    facebook: 'ExampleNHSTrust',
    x: '@ExampleNHS',
    instagram: '@examplenhstrust',
  };
  const items: IncomingItem[] = DEMO_ITEMS.map(([minutesAgo, platform, kind, author, text], i) => ({
    platform,
    externalId: `demo-${i + 1}`,
    kind,
    text,
    receivedAt: new Date(at.getTime() - minutesAgo * 60_000),
    author: {
      platformAuthorId: `demo-author-${author.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      displayName: author,
    },
    account: handles[platform] ?? null,
    conversationId: kind === 'dm' ? `demo-conversation-${i + 1}` : null,
  }));
  const service = new ItemsService(desk);
  const results = await service.ingest(org, items, 'system');
  // Some work already under way, so PALS and FOI see their queues: the outpatients complaint is
  // with PALS and the agency-spend request with the FOI team.
  const manager = (await desk.store.users.byEmail(DEMO_PEOPLE[0]!.email))?.id ?? 'system';
  for (const [needle, route] of [
    ['Who do I complain to?', 'pals'],
    ['agency nurses', 'foi'],
  ] as const) {
    const i = DEMO_ITEMS.findIndex((d) => d[4].includes(needle));
    const id = i >= 0 ? results[i]?.id : undefined;
    if (id !== undefined) await service.handoff(org, id, { route }, manager);
  }
  await seedDemoPosts(desk, org);
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  return { created: true, password };
}
