/**
 * Local sign-in with lockout: after `MAX_FAILURES` wrong passwords in a row the account is locked
 * for `LOCK_MINUTES`; every failure, lock and success is audited (without the password, of course).
 */
import type { User } from '../../store/index.js';
import { verifyPassword } from '../auth/passwords.js';
import type { Desk } from '../context.js';
import { DeskError } from '../errors.js';
import { auditForUser } from './audit.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const wrong = () =>
  new DeskError(401, 'sign_in_failed', 'That email address and password do not match an account.');

export async function signInWithPassword(
  desk: Desk,
  email: string,
  password: string,
): Promise<User> {
  const { store, clock } = desk;
  const user = await store.users.byEmail(email);
  const now = clock.now();
  if (!user) {
    await verifyPassword(null, password);
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(null, password);
    throw new DeskError(
      423,
      'account_locked',
      `This account is locked after ${MAX_FAILURES} failed sign-ins; try again after ${user.lockedUntil.toISOString()} or ask an administrator.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await store.transaction(async (tx) => {
      await tx.users.recordFailedLogin(user.id, lock);
      await auditForUser(tx, user.id, {
        actor: 'system',
        action: lock ? 'user.locked' : 'user.sign_in_failed',
        after: { failures, ...(lock ? { lockedUntil: lock.toISOString() } : {}) },
        at: now,
      });
      if (lock) await tx.sessions.deleteForUser(user.id);
    });
    throw wrong();
  }
  await store.transaction(async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil) await tx.users.resetFailedLogins(user.id);
    await auditForUser(tx, user.id, {
      actor: user.id,
      action: 'user.sign_in',
      after: { method: 'password' },
      at: now,
    });
  });
  return user;
}
