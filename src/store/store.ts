/**
 * The repositories over one database, and transactions that span them.
 *
 * @example
 * const store = createStore(await openDatabase({ dataDir }));
 * await store.transaction(async (tx) => {
 *   const item = await tx.items.erase(orgId, itemId, userId, now);
 *   await tx.audit.append({ organisationId: orgId, actor: userId, action: 'item.erase',
 *     subjectType: 'item', subjectId: itemId, at: now });
 * });
 */
import { AccountRepository } from './account.repository.js';
import { AdviceRepository } from './advice.repository.js';
import { AuditRepository } from './audit.repository.js';
import { AuthorRepository } from './author.repository.js';
import { ConnectionRepository } from './connection.repository.js';
import type { StoreContext } from './codec.js';
import { CrisisRepository } from './crisis.repository.js';
import { ItemWorkRepository } from './item-work.repository.js';
import { ItemRepository } from './item.repository.js';
import { JobRepository } from './job.repository.js';
import { NotificationRepository } from './notification.repository.js';
import { OncallRepository } from './oncall.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PostRepository } from './post.repository.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';

export interface Store {
  readonly context: StoreContext;
  readonly organisations: OrganisationRepository;
  readonly users: UserRepository;
  readonly accounts: AccountRepository;
  readonly authors: AuthorRepository;
  readonly items: ItemRepository;
  readonly itemWork: ItemWorkRepository;
  readonly posts: PostRepository;
  readonly audit: AuditRepository;
  readonly jobs: JobRepository;
  readonly sessions: SessionRepository;
  readonly crisis: CrisisRepository;
  readonly oncall: OncallRepository;
  readonly notifications: NotificationRepository;
  readonly connections: ConnectionRepository;
  readonly advice: AdviceRepository;
  /** Run `fn` in one transaction (or inside the current one); it commits when `fn` resolves. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}

export function createStore(context: StoreContext): Store {
  return {
    context: { db: context.db, dialect: context.dialect },
    organisations: new OrganisationRepository(context),
    users: new UserRepository(context),
    accounts: new AccountRepository(context),
    authors: new AuthorRepository(context),
    items: new ItemRepository(context),
    itemWork: new ItemWorkRepository(context),
    posts: new PostRepository(context),
    audit: new AuditRepository(context),
    jobs: new JobRepository(context),
    sessions: new SessionRepository(context),
    crisis: new CrisisRepository(context),
    oncall: new OncallRepository(context),
    notifications: new NotificationRepository(context),
    connections: new ConnectionRepository(context),
    advice: new AdviceRepository(context),
    transaction: (fn) =>
      context.db.isTransaction
        ? fn(createStore(context))
        : context.db
            .transaction()
            .execute((trx) => fn(createStore({ db: trx, dialect: context.dialect }))),
  };
}
