/**
 * The audit log for auditors and managers (GOV-1): entries filtered by action, who, what kind of
 * thing and dates (all in the query string, so a filtered view is a link), a page at a time,
 * newest first; a check of the hash chain that names every altered, missing or reordered row; and
 * for `audit.export`, the filtered entries as CSV or JSON, in chain order, from the same store
 * export the API and `commsdesk audit export` use.
 *
 * The log holds who did what to which thing, never comment text or secrets (services keep
 * personal content out of `before`/`after`); the viewer and the exports show only what is there.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Desk } from '../../server/context.js';
import type { Actor, AuditRecord } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import { formatTime } from '../view-models.js';

/** How far back the page looks when no dates are given (the export covers any range). */
const RECENT_DAYS = 30;
const PAGE_SIZE = 50;

type Query = Record<string, string | string[] | undefined>;
const one = (q: Query, name: string): string => {
  const v = q[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim().slice(0, 200);
};

interface Filters {
  action: string;
  actor: string;
  type: string;
  from: string;
  to: string;
}

interface FormProblem {
  field: string;
  text: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are the organisation's local days: `from` at its start, `to` up to the end of it. */
function rangeOf(
  filters: Filters,
  zone: string,
  now: Date,
): { from?: Date; to?: Date; problems: FormProblem[]; defaulted: boolean } {
  const problems: FormProblem[] = [];
  const day = (text: string, field: 'from' | 'to') => {
    if (!text) return undefined;
    const d = ISO_DATE.test(text) ? DateTime.fromISO(text, { zone }) : null;
    if (!d || !d.isValid) {
      problems.push({
        field: `audit-${field}`,
        text: `Enter the ${field === 'from' ? 'first' : 'last'} day as a real date, like 2026-11-24`,
      });
      return undefined;
    }
    return d;
  };
  const from = day(filters.from, 'from');
  const to = day(filters.to, 'to');
  if (from && to && to < from)
    problems.push({
      field: 'audit-to',
      text: 'The last day must be the same as or after the first day',
    });
  if (!filters.from && !filters.to)
    return { from: new Date(now.getTime() - RECENT_DAYS * 86_400_000), problems, defaulted: true };
  return {
    ...(from ? { from: from.toJSDate() } : {}),
    ...(to ? { to: to.plus({ days: 1 }).toJSDate() } : {}),
    problems,
    defaulted: false,
  };
}

const matches = (r: AuditRecord, f: Filters) =>
  (!f.action || r.action === f.action) &&
  (!f.actor || String(r.actor) === f.actor) &&
  (!f.type || r.subjectType === f.type);

/** A query string of the filters that are set (plus extras such as the page). */
function queryOf(f: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One CSV field: quoted, and a leading =, +, -, @ made inert for spreadsheets. */
function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export async function auditPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;

  /** The entries of the filtered range, in chain order, and the names of the people in them. */
  const load = async (page: OrgPage, request: FastifyRequest) => {
    const q = (request.query ?? {}) as Query;
    const filters: Filters = {
      action: one(q, 'action'),
      actor: one(q, 'actor'),
      type: one(q, 'type'),
      from: one(q, 'from'),
      to: one(q, 'to'),
    };
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const range = rangeOf(filters, zone, desk.clock.now());
    const inRange = range.problems.length
      ? []
      : await desk.store.audit.export(page.org.id, {
          ...(range.from ? { from: range.from } : {}),
          ...(range.to ? { to: range.to } : {}),
        });
    const names = new Map(
      (await desk.store.users.members(page.org.id)).map((m) => [m.id, m.displayName]),
    );
    const actorName = (a: Actor) =>
      a === 'system' ? 'Commsdesk' : (names.get(a) ?? `person ${a}`);
    return { q, filters, zone, range, inRange, actorName, names };
  };

  web.get('/orgs/:org/audit', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'audit.read', 'audit');
    const { q, filters, zone, range, inRange, actorName, names } = await load(page, request);
    const verify = one(q, 'verify') === '1';
    const verdict = verify ? await desk.store.audit.verify(page.org.id) : null;
    const shown = inRange.filter((r) => matches(r, filters)).reverse();
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    const pageNo = Math.min(pages, Math.max(1, Number(one(q, 'page')) || 1));
    const rows = shown.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE).map((r) => ({
      seq: r.seq,
      at: formatTime(r.at, zone),
      actor: actorName(r.actor),
      action: r.action,
      subject: r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}`.trim() : '',
    }));
    // The choices: what occurs in the range, plus whatever is chosen now.
    const distinct = (values: string[], chosen: string) =>
      [...new Set([...values, ...(chosen ? [chosen] : [])])].sort();
    const option = (value: string, text: string, chosen: string) => ({
      value,
      text,
      selected: value === chosen,
    });
    const actors = new Map<string, string>([['system', 'Commsdesk']]);
    for (const [id, name] of names) actors.set(String(id), name);
    for (const r of inRange) actors.set(String(r.actor), actorName(r.actor));
    if (filters.actor && !actors.has(filters.actor)) actors.set(filters.actor, filters.actor);
    const base = `/orgs/${encodeURIComponent(page.org.slug)}/audit`;
    const canExport = page.access.can('audit.export');
    const status = range.problems.length ? 400 : 200;
    return reply.status(status).view('audit.njk', {
      ...page.layout,
      title: 'Audit log',
      errors: range.problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(range.problems.map((p) => [p.field, { text: p.text }])),
      verdict: verdict
        ? {
            ok: verdict.ok,
            rows: verdict.rows,
            problems: verdict.ok ? [] : verdict.problems.map((p) => p.message),
          }
        : null,
      base,
      filters,
      filtered: Boolean(
        filters.action || filters.actor || filters.type || filters.from || filters.to,
      ),
      defaulted: range.defaulted,
      recentDays: RECENT_DAYS,
      actionItems: [
        option('', 'Any action', filters.action),
        ...distinct(
          inRange.map((r) => r.action),
          filters.action,
        ).map((a) => option(a, a, filters.action)),
      ],
      actorItems: [
        option('', 'Anyone', filters.actor),
        ...[...actors]
          .sort((a, b) => a[1].localeCompare(b[1]))
          .map(([id, name]) => option(id, name, filters.actor)),
      ],
      typeItems: [
        option('', 'Anything', filters.type),
        ...distinct(inRange.map((r) => r.subjectType).filter(Boolean), filters.type).map((t) =>
          option(t, t, filters.type),
        ),
      ],
      rows,
      total: shown.length,
      pageNo,
      pages,
      previousHref: pageNo > 1 ? `${base}${queryOf(filters, { page: String(pageNo - 1) })}` : null,
      nextHref: pageNo < pages ? `${base}${queryOf(filters, { page: String(pageNo + 1) })}` : null,
      verifyHref: `${base}${queryOf(filters, { verify: '1' })}`,
      canExport,
      csvHref: canExport ? `${base}/export.csv${queryOf(filters)}` : null,
      jsonHref: canExport ? `${base}/export.json${queryOf(filters)}` : null,
    });
  });

  const exportRoute = (format: 'csv' | 'json') =>
    web.get(
      `/orgs/:org/audit/export.${format}`,
      { schema: { hide: true } },
      async (request, reply) => {
        const page = await orgPage(desk, request, slugOf(request), 'audit.export', 'audit');
        const { filters, range, inRange, actorName } = await load(page, request);
        if (range.problems.length) {
          // The same problems the page shows: send the person back to the filters.
          return reply.redirect(
            `/orgs/${encodeURIComponent(page.org.slug)}/audit${queryOf(filters)}`,
            303,
          );
        }
        const records = inRange.filter((r) => matches(r, filters));
        const stamp = desk.clock.now().toISOString().slice(0, 10);
        const name = `audit-${page.org.slug}-${stamp}.${format}`;
        void reply
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store');
        if (format === 'json') {
          return reply.type('application/json; charset=utf-8').send({
            organisation: page.org.slug,
            filters: {
              ...filters,
              from: range.from?.toISOString() ?? null,
              to: range.to?.toISOString() ?? null,
            },
            records: records.map((r) => ({ ...r, at: r.at.toISOString() })),
          });
        }
        return sendCsv(reply, records, actorName);
      },
    );
  exportRoute('csv');
  exportRoute('json');
}

function sendCsv(reply: FastifyReply, records: AuditRecord[], actorName: (a: Actor) => string) {
  const header = [
    'seq',
    'at',
    'actor',
    'actor_name',
    'action',
    'subject_type',
    'subject_id',
    'before',
    'after',
    'prev_hash',
    'hash',
  ];
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  const lines = [header.map(csvField).join(',')];
  for (const r of records) {
    lines.push(
      [
        r.seq,
        r.at.toISOString(),
        r.actor,
        actorName(r.actor),
        r.action,
        r.subjectType,
        r.subjectId,
        json(r.before),
        json(r.after),
        r.prevHash,
        r.hash,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return reply.type('text/csv; charset=utf-8').send(`${lines.join('\r\n')}\r\n`);
}
