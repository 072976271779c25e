/**
 * The on-call rota (INB-4): shifts with a start, an end and the people on call in the order they
 * are called. Only members of the organisation can be on a shift. Every change is audited with
 * before and after.
 */
import type { Actor, NewOncallShift, OncallShift, Organisation, Store } from '../../store/index.js';
import type { Desk } from '../context.js';
import { badRequest, notFound } from '../errors.js';

/** The longest shift the rota accepts: a fortnight. */
export const MAX_SHIFT_MS = 14 * 24 * 60 * 60_000;

function shiftView(s: OncallShift) {
  return {
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    people: s.people,
  };
}

export class OncallService {
  constructor(private readonly desk: Desk) {}

  private async validate(tx: Store, org: Organisation, shift: NewOncallShift): Promise<void> {
    const span = shift.endsAt.getTime() - shift.startsAt.getTime();
    if (!(span > 0)) {
      throw badRequest(
        'shift_invalid',
        'Unexpected end before start, expected a shift that ends after it starts.',
        [{ path: '/body/ends_at', reason: 'not after starts_at' }],
      );
    }
    if (span > MAX_SHIFT_MS) {
      throw badRequest(
        'shift_invalid',
        'Unexpected shift longer than 14 days, expected shorter shifts.',
        [{ path: '/body/ends_at', reason: 'more than 14 days after starts_at' }],
      );
    }
    const seen = new Set<number>();
    for (const [i, id] of shift.people.entries()) {
      if (seen.has(id)) {
        throw badRequest('shift_invalid', `Person ${id} is on the shift twice.`, [
          { path: `/body/people/${i}`, reason: 'repeated' },
        ]);
      }
      seen.add(id);
      if (!(await tx.users.membership(org.id, id))) {
        throw badRequest(
          'person_not_member',
          `Person ${id} is not a member of this organisation.`,
          [{ path: `/body/people/${i}`, reason: 'not a member' }],
        );
      }
    }
  }

  async list(org: Organisation, range: { from?: Date; to?: Date }): Promise<OncallShift[]> {
    return this.desk.store.oncall.shifts(org.id, range);
  }

  /** Who is on call now, in order (null when nobody is). */
  async now(org: Organisation): Promise<OncallShift | null> {
    return this.desk.store.oncall.shiftAt(org.id, this.desk.clock.now());
  }

  async create(org: Organisation, shift: NewOncallShift, actor: Actor): Promise<OncallShift> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      await this.validate(tx, org, shift);
      const created = await tx.oncall.createShift(org.id, shift, actor, at);
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'oncall.shift_created',
        subjectType: 'oncall_shift',
        subjectId: created.id,
        after: shiftView(created),
        at,
      });
      return created;
    });
  }

  async update(
    org: Organisation,
    shiftId: number,
    shift: NewOncallShift,
    actor: Actor,
  ): Promise<OncallShift> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.oncall.shift(org.id, shiftId);
      if (!before) throw notFound('shift');
      await this.validate(tx, org, shift);
      const after = (await tx.oncall.updateShift(org.id, shiftId, shift, at)) as OncallShift;
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'oncall.shift_updated',
        subjectType: 'oncall_shift',
        subjectId: shiftId,
        before: shiftView(before),
        after: shiftView(after),
        at,
      });
      return after;
    });
  }

  async remove(org: Organisation, shiftId: number, actor: Actor): Promise<void> {
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const before = await tx.oncall.shift(org.id, shiftId);
      if (!before) throw notFound('shift');
      await tx.oncall.deleteShift(org.id, shiftId);
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'oncall.shift_deleted',
        subjectType: 'oncall_shift',
        subjectId: shiftId,
        before: shiftView(before),
        at,
      });
    });
  }
}
