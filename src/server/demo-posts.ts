/**
 * Demo posts for `serve --demo` (PUB-1, PUB-2): one of each stage on the sandbox account — a
 * draft, one awaiting approval, one scheduled for tomorrow morning and one already published —
 * made through the same service as the API, so each is checked, approved and audited for real.
 */
import { can, type Permission } from '../core/access/permissions.js';
import type { Organisation, Role } from '../store/index.js';
import type { OrgAccess } from './auth/principal.js';
import type { Desk } from './context.js';
import { forbidden } from './errors.js';
import { createPublishJob } from './jobs/publish.job.js';
import { PostsService } from './services/posts.service.js';

const SANDBOX_OVERRIDE = 'Practice account on the sandbox platform, not a public handle';

async function accessAs(desk: Desk, org: Organisation, email: string): Promise<OrgAccess | null> {
  const user = await desk.store.users.byEmail(email);
  if (!user) return null;
  const membership = await desk.store.users.membership(org.id, user.id);
  const roles: Role[] = membership?.roles ?? [];
  return {
    org,
    roles,
    actor: user.id,
    user,
    can: (p: Permission) => can(roles, p),
    require: (p: Permission) => {
      if (!can(roles, p)) throw forbidden(p);
    },
  };
}

/** Add the demo posts to the demo organisation (once, when it is created). */
export async function seedDemoPosts(desk: Desk, org: Organisation): Promise<void> {
  const account = (await desk.store.accounts.list(org.id)).find((a) => a.platform === 'sandbox');
  const officer = await accessAs(desk, org, 'officer@example.nhs.uk');
  const manager = await accessAs(desk, org, 'manager@example.nhs.uk');
  if (!account || !officer || !manager) return;
  const posts = new PostsService(desk);
  const draft = (text: string, campaign: string, category: string) =>
    posts.create(officer, { kind: 'post', accountId: account.id, text, campaign, category });
  const submit = (id: number) => posts.submit(officer, id, { overrideReason: SANDBOX_OVERRIDE });

  await draft(
    'Winter flu vaccinations for staff start on Monday in the main atrium. Bring your ID badge.',
    'winter-flu',
    'staff',
  );

  const waiting = await draft(
    'Our maternity unit is holding an open evening on Thursday from 6pm. Come and meet the team.',
    'maternity-week',
    'events',
  );
  await submit(waiting.id);

  const scheduled = await draft(
    'Blood test clinics are open on Saturday mornings from 8am to 12pm. No appointment needed.',
    'services-update',
    'services',
  );
  await submit(scheduled.id);
  await posts.approve(manager, scheduled.id, { note: 'Good to go' });
  const tomorrow = new Date(desk.clock.now().getTime() + 24 * 3_600_000);
  tomorrow.setUTCHours(9, 0, 0, 0);
  await posts.schedule(manager, scheduled.id, { at: tomorrow });

  const published = await draft(
    'Thank you to everyone who gave blood at our session this week. You made a difference.',
    'thank-you',
    'community',
  );
  await submit(published.id);
  await posts.approve(manager, published.id, {});
  await posts.schedule(manager, published.id, {});
  const job = await desk.store.jobs.byUniqueKey(org.id, `post:${published.id}:v1`);
  if (job) await createPublishJob().perform(desk, job);
}
