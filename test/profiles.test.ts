/**
 * The profiles that ship in `profiles/`: they load, every rule cites a clause of the profile's own
 * policy (or says it is a Commsdesk default), invented contact details are example values, and
 * the seed profiles carry what their policies say (hours, targets, routes, approvals).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ruleIds, rules } from '../src/core/check/rules/index.js';
import { formatProblem } from '../src/core/profile/resolve.js';
import { ruleSettingFor } from '../src/core/profile/rule-settings.js';
import { routeSchema, type Profile } from '../src/core/profile/schema.js';
import { BUILT_IN_PROFILES_DIR, listProfiles, loadProfile } from '../src/store/profile-files.js';

/** The five seed organisations and the short name their clauses start with. */
const SEEDS: Record<string, string> = {
  bsw: 'BSW',
  sheffield: 'SHF',
  mse: 'MSE',
  'south-tyneside': 'STY',
  hillingdon: 'THH',
};
const SHORT_NAMES = Object.values(SEEDS);
const ROLES = ['comms_officer', 'comms_manager', 'comms_director', 'oncall_manager'];
/** Rules that block unless a policy says otherwise (shared/spec/labels.md). */
const BLOCK_BY_DEFAULT = (id: string): boolean =>
  id.startsWith('pii.') ||
  [
    'offensive',
    'medical_advice',
    'commercial',
    'political',
    'endorsement',
    'media.consent',
  ].includes(id);

const shipped = listProfiles();

function load(id: string): Profile {
  const result = loadProfile(id);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.profile;
}

/** The profile's own YAML, before presets are applied. */
function raw(id: string): Record<string, unknown> {
  return parse(readFileSync(join(BUILT_IN_PROFILES_DIR, `${id}.yml`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Every clause a resolved profile carries: hours, targets, teams, approval, periods, rules. */
function clauses(p: Profile): string[] {
  const out = [p.hours.clause, p.targets.clause, p.approval.clause];
  for (const team of Object.values(p.teams)) if (team?.clause) out.push(team.clause);
  for (const period of p.restrictedPeriods) out.push(period.clause);
  for (const setting of Object.values(p.rules)) {
    if (typeof setting === 'object' && setting.clause) out.push(setting.clause);
  }
  return out;
}

// --- example contact details -------------------------------------------------------------------

/** Short service numbers that are never personal data. */
const SERVICE_SHORT_CODES = new Set(['111', '999', '112', '101', '119']);
/**
 * Ofcom's ranges reserved for drama and examples (digits only, national format): the 0xx 496 0xxx
 * geographic ranges, London 020 7946 0xxx, Tyneside 0191 498 0xxx, Cardiff 029 2018 0xxx, the
 * fictional area 01632 960xxx, mobile 07700 900xxx, freephone 08081 570xxx, premium 0909 879 0xxx
 * and UK-wide 03069 990xxx.
 */
const DRAMA_RANGES = [
  /^0(113|114|115|116|117|118|121|131|141|151|161)4960\d{3}$/,
  /^02079460\d{3}$/,
  /^01914980\d{3}$/,
  /^02920180\d{3}$/,
  /^01632960\d{3}$/,
  /^07700900\d{3}$/,
  /^08081570\d{3}$/,
  /^09098790\d{3}$/,
  /^03069990\d{3}$/,
];

function isExamplePhone(number: string): boolean {
  const digits = number.replace(/^\+44\s*(\(0\))?/, '0').replace(/[\s()-]/g, '');
  return SERVICE_SHORT_CODES.has(digits) || DRAMA_RANGES.some((r) => r.test(digits));
}

/** A domain is an example domain when one of its labels is `example` (RFC 2606 style). */
const isExampleDomain = (domain: string): boolean =>
  domain.toLowerCase().split('.').includes('example');
const isExampleEmail = (email: string): boolean =>
  isExampleDomain(email.slice(email.lastIndexOf('@') + 1));
const isExampleUrl = (url: string): boolean => isExampleDomain(new URL(url).hostname);

interface Contact {
  where: string;
  value: string;
}

function contacts(p: Profile): {
  emails: Contact[];
  phones: Contact[];
  urls: Contact[];
  domains: Contact[];
} {
  const o = p.organisation;
  const emails = o.emailAddresses.map((value) => ({ where: 'organisation.emailAddresses', value }));
  const phones = o.servicePhoneNumbers.map((s) => ({
    where: `organisation.servicePhoneNumbers (${s.label})`,
    value: s.number,
  }));
  const urls = [{ where: 'organisation.website', value: o.website }];
  const domains = o.emailDomains.map((value) => ({ where: 'organisation.emailDomains', value }));
  for (const [route, team] of Object.entries(p.teams)) {
    if (!team) continue;
    if (team.email) emails.push({ where: `teams.${route}.email`, value: team.email });
    if (team.phone) phones.push({ where: `teams.${route}.phone`, value: team.phone });
    if (team.url) urls.push({ where: `teams.${route}.url`, value: team.url });
  }
  return { emails, phones, urls, domains };
}

describe('example contact checks', () => {
  it('accept example values and reject real-looking ones', () => {
    for (const n of [
      '111',
      '999',
      '101',
      '01632 960001',
      '0117 496 0101',
      '020 7946 0502',
      '0191 498 0400',
      '0114 496 0201',
      '+44 7700 900123',
    ]) {
      expect(isExamplePhone(n), n).toBe(true);
    }
    for (const n of ['01225 428331', '0300 123 4567', '020 7946 1234', '07700 800123']) {
      expect(isExamplePhone(n), n).toBe(false);
    }
    expect(isExampleEmail('pals@bsw.example.nhs.uk')).toBe(true);
    expect(isExampleEmail('pals.bsw@nhs.net')).toBe(false);
    expect(isExampleEmail('someone@myexample.com')).toBe(false);
    expect(isExampleUrl('https://mse.example.nhs.uk/')).toBe(true);
    expect(isExampleUrl('https://www.nhs.uk/')).toBe(false);
  });
});

describe('shipped profiles', () => {
  it('includes nhs-default and the five seed organisations', () => {
    expect(shipped).toEqual(expect.arrayContaining(['nhs-default', ...Object.keys(SEEDS)]));
  });

  for (const id of shipped) {
    describe(id, () => {
      it('loads without problems', () => {
        const result = loadProfile(id);
        expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
      });

      it('[PUB-3] sets a clause for every rule id, citing its own policy or a Commsdesk default', () => {
        const own = (raw(id)['rules'] ?? {}) as Record<string, unknown>;
        const short = SEEDS[id];
        const missing: string[] = [];
        const miscited: string[] = [];
        for (const ruleId of ruleIds) {
          const entry = own[ruleId];
          const clause =
            typeof entry === 'object' && entry !== null
              ? (entry as { clause?: unknown }).clause
              : undefined;
          if (typeof clause !== 'string') {
            missing.push(ruleId);
            continue;
          }
          const cites =
            (short !== undefined && clause.startsWith(`${short} `)) ||
            clause.includes('Commsdesk default');
          if (!cites) miscited.push(`${ruleId}: ${clause}`);
        }
        expect(missing).toEqual([]);
        expect(miscited).toEqual([]);
      });

      it('[PUB-3] gives every finding the clause the profile sets', () => {
        const p = load(id);
        for (const rule of rules) {
          const setting = ruleSettingFor(p, rule);
          const entry = p.rules[rule.meta.id];
          expect(typeof entry === 'object' ? entry.clause : undefined).toBe(setting.clause);
        }
      });

      it('uses only example contact details (example domains, Ofcom drama numbers)', () => {
        const { emails, phones, urls, domains } = contacts(load(id));
        const bad = [
          ...emails.filter((c) => !isExampleEmail(c.value)),
          ...phones.filter((c) => !isExamplePhone(c.value)),
          ...urls.filter((c) => !isExampleUrl(c.value)),
          ...domains.filter((c) => !isExampleDomain(c.value)),
        ].map((c) => `${c.where}: ${c.value}`);
        expect(bad).toEqual([]);
        expect(emails.length + phones.length + urls.length).toBeGreaterThan(0);
      });

      it('uses ZZ99 pseudo-postcodes for invented addresses', () => {
        for (const a of load(id).organisation.addresses) {
          if (a.postcode !== undefined) expect(a.postcode).toMatch(/^ZZ99 \d[A-Z]{2}$/);
        }
      });

      it('[ACC-6] lists name variants for the handle rule', () => {
        const o = load(id).organisation;
        expect(o.nameVariants.length).toBeGreaterThanOrEqual(3);
        expect(o.nameVariants).toContain(o.name);
        if (o.shortName) expect(o.nameVariants).toContain(o.shortName);
        // A variant with spaces usually has a handle form too (no spaces), as people write them.
        expect(o.nameVariants.some((v) => !/\s/.test(v))).toBe(true);
        expect(new Set(o.nameVariants.map((v) => v.toLowerCase())).size).toBe(
          o.nameVariants.length,
        );
      });

      it('[PUB-2] names how many approvers a post needs and which roles may approve', () => {
        const { approval } = load(id);
        expect(approval.approvers).toBeGreaterThanOrEqual(1);
        expect(approval.roles.length).toBeGreaterThan(0);
        for (const role of approval.roles) expect(ROLES).toContain(role);
      });
    });
  }
});

describe('seed profiles', () => {
  for (const [id, short] of Object.entries(SEEDS)) {
    describe(id, () => {
      it(`cites only its own short name (${short}) in clauses`, () => {
        const others = SHORT_NAMES.filter((s) => s !== short);
        const wrong = clauses(load(id)).filter((c) =>
          others.some((o) => new RegExp(`\\b${o}\\b`).test(c)),
        );
        expect(wrong).toEqual([]);
      });

      it(`overrides every clause nhs-default sets (hours, targets, approval, teams) with ${short} or a Commsdesk default`, () => {
        const p = load(id);
        const all = clauses(p);
        const bad = all.filter(
          (c) => !c.startsWith(`${short} `) && !c.includes('Commsdesk default'),
        );
        expect(bad).toEqual([]);
        for (const route of routeSchema.options) expect(p.teams[route]?.clause, route).toBeTruthy();
      });

      it('[GOV-4] records the policy title and version, extends nhs-default and is England', () => {
        const own = raw(id);
        const p = load(id);
        expect(own['extends']).toEqual(['nhs-default']);
        expect(p.preset).toBe(false);
        expect(p.policy.title).not.toBe('Commsdesk default NHS social media profile');
        expect(p.nation).toBe('england-and-wales');
        if (p.policy.approvedOn && p.policy.reviewBy)
          expect(p.policy.reviewBy > p.policy.approvedOn).toBe(true);
      });

      it('[PUB-3] blocks personal data, offensive language, medical advice, commercial data, endorsement and unconsented media', () => {
        const p = load(id);
        for (const ruleId of ruleIds.filter((r) => BLOCK_BY_DEFAULT(r) && r !== 'political')) {
          const entry = p.rules[ruleId];
          expect(typeof entry === 'object' ? entry.severity : entry, ruleId).toBe('block');
        }
      });

      it('[INB-8] has a PALS route and publishes 111 and 999 as service numbers', () => {
        const p = load(id);
        expect(p.teams.pals?.name).toMatch(/Patient Advice|PALS/);
        const numbers = p.organisation.servicePhoneNumbers.map((s) => s.number);
        expect(numbers).toEqual(expect.arrayContaining(['111', '999']));
      });

      it('[PUB-3] treats its own domains and partners as its own (not personal data, not endorsement)', () => {
        const p = load(id);
        expect(p.organisation.emailDomains.length).toBeGreaterThan(0);
        for (const e of p.organisation.emailAddresses) {
          expect(p.organisation.emailDomains).toContain(e.slice(e.indexOf('@') + 1));
        }
        expect(p.partners.map((x) => x.name)).toContain('NHS England');
        expect(p.partners.some((x) => x.kind === 'council')).toBe(true);
      });
    });
  }
});

describe('what the seed policies say', () => {
  const weekdays9to5 = {
    monday: [['09:00', '17:00']],
    tuesday: [['09:00', '17:00']],
    wednesday: [['09:00', '17:00']],
    thursday: [['09:00', '17:00']],
    friday: [['09:00', '17:00']],
    saturday: [],
    sunday: [],
  };

  it('[INB-2] the MSE profile responds within two working hours, Monday to Friday 9am–5pm', () => {
    const p = load('mse');
    expect(p.targets.responseWorkingMinutes).toBe(120);
    expect(p.targets.clause).toBe('MSE 6.4');
    expect(p.hours.week).toEqual(weekdays9to5);
    expect(p.hours.clause).toMatch(/^MSE 6/);
  });

  it('[INB-2] the BSW profile monitors weekdays 9am–5pm (BSW 4.5)', () => {
    const p = load('bsw');
    expect(p.hours.week).toEqual(weekdays9to5);
    expect(p.hours.clause).toBe('BSW 4.5');
  });

  it('[INB-2] profiles whose policy is silent on hours keep the nhs-default week and say so', () => {
    const preset = load('nhs-default');
    for (const id of ['sheffield', 'south-tyneside', 'hillingdon']) {
      const p = load(id);
      expect(p.hours.week, id).toEqual(preset.hours.week);
      expect(p.targets.responseWorkingMinutes, id).toBe(preset.targets.responseWorkingMinutes);
      expect(p.hours.clause, id).toContain('Commsdesk default');
    }
  });

  it('[INB-4] MSE sends out-of-hours risks to the duty communications manager on call (MSE 6.4)', () => {
    const p = load('mse');
    expect(p.teams.oncall).toMatchObject({
      name: 'Duty communications manager on call',
      clause: 'MSE 6.4',
    });
    expect(p.approval.roles).toContain('oncall_manager');
  });

  it('[INB-14] MSE refers legal matters to the Chief of Staff / governance team (MSE 6.7)', () => {
    expect(load('mse').teams.governance).toMatchObject({
      name: 'Chief of Staff / governance team',
      clause: 'MSE 6.7',
    });
  });

  it('[INB-7] BSW forwards FOI requests to the CCG FOI team within the statutory 20 working days (BSW 4.3)', () => {
    const p = load('bsw');
    expect(p.teams.foi?.clause).toBe('BSW 4.3');
    expect(p.targets.foiWorkingDays).toBe(20);
  });

  it('[INB-6] BSW shares serious comments with the Quality Team (BSW Appendix B)', () => {
    expect(load('bsw').teams.quality).toMatchObject({
      name: 'Quality Team',
      clause: 'BSW Appendix B',
    });
  });

  it('[INB-8] THH sends complaints to PALS (THH 5.6)', () => {
    expect(load('hillingdon').teams.pals?.clause).toBe('THH 5.6');
  });

  it('[ACC-6] MSE blocks its name in a personal handle and lists MSE and Mid and South Essex (MSE 6.7)', () => {
    const p = load('mse');
    expect(p.rules['handle']).toEqual({ severity: 'block', clause: 'MSE 6.7' });
    expect(p.organisation.nameVariants).toEqual(
      expect.arrayContaining(['MSE', 'Mid and South Essex', 'MSE ICB', 'MSEICB']),
    );
  });

  it('[PUB-4] MSE blocks images without alt text and video without captions (MSE 6)', () => {
    const p = load('mse');
    expect(p.rules['a11y.alt_text']).toEqual({ severity: 'block', clause: 'MSE 6' });
    expect(p.rules['a11y.captions']).toEqual({ severity: 'block', clause: 'MSE 6' });
    expect(p.rules['a11y.jargon']).toMatchObject({ clause: 'MSE 6.7' });
  });

  it('[PUB-8] [PUB-9] STY requires consent for identifiable people and CCG branding of official media (STY 3.6)', () => {
    const p = load('south-tyneside');
    expect(p.rules['media.consent']).toEqual({ severity: 'block', clause: 'STY 3.6' });
    expect(p.rules['brand.credit']).toMatchObject({ clause: 'STY 3.6' });
  });

  it('[STF-1] STY requires a disclaimer on personal accounts (STY 3.2)', () => {
    expect(load('south-tyneside').rules['personal.disclaimer']).toEqual({
      severity: 'block',
      clause: 'STY 3.2',
    });
  });

  it('[PUB-3] BSW cites 3.3.1 for policy announcements and 3.2.1 for medical advice', () => {
    const p = load('bsw');
    expect(p.rules['policy_announcement']).toMatchObject({ clause: 'BSW 3.3.1' });
    expect(p.rules['medical_advice']).toEqual({ severity: 'block', clause: 'BSW 3.2.1' });
  });

  it('[PUB-3] THH treats politics as a topic for care, not a ban (THH 5.4)', () => {
    expect(load('hillingdon').rules['political']).toEqual({ severity: 'warn', clause: 'THH 5.4' });
  });

  it('[PUB-2] THH lets the Communications Team, Web Officer included, approve (THH 4)', () => {
    const p = load('hillingdon');
    expect(p.approval).toMatchObject({ approvers: 1, clause: 'THH 4' });
    expect(p.approval.roles).toContain('comms_officer');
  });

  it('[GOV-4] records the MSE, STY and THH policy numbers, versions and dates', () => {
    expect(load('mse').policy).toMatchObject({
      reference: 'ICB002',
      version: '1.0',
      approvedOn: '2022-07-01',
    });
    expect(load('south-tyneside').policy).toMatchObject({
      reference: 'CO23',
      version: 'V4',
      approvedBy: 'Executive Committee',
    });
    expect(load('hillingdon').policy).toMatchObject({
      reference: '851',
      approvedOn: '2015-03-19',
      reviewBy: '2018-03-19',
    });
  });
});
