/**
 * The policy profile: everything about one organisation's social media policy that the product
 * needs to act on it — names, hours, targets, teams and routes, partners, published contacts,
 * restricted periods, rule severities and, for every rule, the clause that requires it.
 *
 * Profiles are written in YAML (see `profiles/`), may extend presets, and are validated here.
 */
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id such as "bsw" or "nhs-default"');

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a 24-hour time such as "09:00"');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as "2026-12-24"');

/** A clause reference in the organisation's own policy, e.g. "MSE 6.5" or "BSW Appendix B". */
export const clauseSchema = z.string().min(2, 'expected a clause reference such as "MSE 6.5"');

/** The three UK holiday calendars. Wales shares England's. */
export const nationSchema = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);
export type Nation = z.infer<typeof nationSchema>;

/** Where an item can be sent. */
export const routeSchema = z.enum([
  'pals',
  'foi',
  'quality',
  'press',
  'governance',
  'safeguarding',
  'police',
  'oncall',
  'comms',
]);
export type Route = z.infer<typeof routeSchema>;

/** Whether the runtime knows a time zone (Intl is pure; no clock is read). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const interval = z.tuple([clock, clock]);
const day = z.array(interval);

export const hoursSchema = z
  .object({
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'expected an IANA time zone such as "Europe/London"' })
      .default('Europe/London'),
    /** `closed`: bank holidays of the nation pause the clock; `open`: a 24/7 service works them. */
    bankHolidays: z.enum(['closed', 'open']).default('closed'),
    /** Working intervals per weekday; an empty list means closed all day. */
    week: z
      .object({
        monday: day,
        tuesday: day,
        wednesday: day,
        thursday: day,
        friday: day,
        saturday: day,
        sunday: day,
      })
      .strict(),
    /** Extra days off for the whole organisation (e.g. a closure between Christmas and New Year). */
    closures: z.array(isoDate).default([]),
    /** Clause that sets these hours. */
    clause: clauseSchema,
  })
  .strict();

export const targetsSchema = z
  .object({
    /** Working minutes to a first response on a comment or message (MSE: two working hours). */
    responseWorkingMinutes: z.number().int().positive(),
    /** Elapsed minutes to act on an urgent item, whatever the hour. */
    urgentMinutes: z.number().int().positive(),
    /** Working days to answer an FOI request (statutory: 20). */
    foiWorkingDays: z
      .number()
      .int()
      .positive()
      .max(20, 'the statutory FOI limit is 20 working days'),
    /** Which Act governs FOI deadlines: the UK Act (any UK bank holiday is excluded) or FOISA. */
    foiRegime: z.enum(['foia', 'foisa']).default('foia'),
    /** Working minutes a consulted colleague has to answer. */
    consultWorkingMinutes: z.number().int().positive(),
    /** Minutes the on-call manager has to acknowledge an escalation before it goes to the next. */
    oncallAckMinutes: z.number().int().positive(),
    clause: clauseSchema,
  })
  .strict();

export const teamSchema = z
  .object({
    name: z.string().min(1),
    email: z.email().optional(),
    phone: z.string().optional(),
    url: z.url().optional(),
    clause: clauseSchema.optional(),
  })
  .strict();

export const partnerSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['nhs', 'council', 'partner', 'charity', 'government']),
    /** Other ways people write the partner's name. */
    aliases: z.array(z.string()).default([]),
  })
  .strict();

export const servicePhoneSchema = z
  .object({ label: z.string().min(1), number: z.string().min(3) })
  .strict();

export const addressSchema = z
  .object({ label: z.string().min(1), text: z.string().min(1), postcode: z.string().optional() })
  .strict();

export const restrictedPeriodSchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['pre-election', 'embargo', 'other']),
    /** First day, inclusive. */
    start: isoDate,
    /** Last day, inclusive. */
    end: isoDate,
    /** `block`: nothing may be published; `named-approver`: publishing needs the approver. */
    action: z.enum(['block', 'named-approver']),
    approver: z.string().optional(),
    clause: clauseSchema,
  })
  .strict()
  .refine((p) => p.start <= p.end, { message: 'expected start on or before end', path: ['end'] })
  .refine((p) => p.action !== 'named-approver' || p.approver, {
    message: 'expected an approver when action is "named-approver"',
    path: ['approver'],
  });

export const severitySettingSchema = z.enum(['block', 'warn', 'off']);
export type SeveritySetting = z.infer<typeof severitySettingSchema>;

/** One rule's setting: a severity alone, or severity, clause and options together. */
export const ruleSettingSchema = z.union([
  severitySettingSchema,
  z
    .object({
      severity: severitySettingSchema.optional(),
      clause: clauseSchema.optional(),
      options: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const policySchema = z
  .object({
    title: z.string().min(1),
    reference: z.string().optional(),
    version: z.string().min(1),
    approvedBy: z.string().optional(),
    approvedOn: isoDate.optional(),
    reviewBy: isoDate.optional(),
  })
  .strict();

export const approvalSchema = z
  .object({
    /** How many distinct approvers a corporate post needs before it can be published. */
    approvers: z.number().int().min(0).max(5),
    /** Roles allowed to approve. */
    roles: z.array(z.string().min(1)).min(1),
    clause: clauseSchema,
  })
  .strict();

/** A governed reply template: wording the team has agreed, checked like any other draft. */
export const templateSchema = z
  .object({
    /** What the template is for, shown to the officer choosing it. */
    purpose: z.string().min(1),
    /** The reply; `{pals_phone}`-style placeholders are filled from the profile's teams. */
    text: z.string().min(1),
    clause: clauseSchema.optional(),
  })
  .strict();

/** Organisation-specific words the triage and check lexicons add to their own. */
export const lexiconSchema = z
  .object({
    /** Hospitals, sites, wards and services the organisation runs. */
    places: z.array(z.string()).default([]),
    services: z.array(z.string()).default([]),
    /** Abbreviations the audience may not know, and what they stand for. */
    abbreviations: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export const profileSchema = z
  .object({
    id: slug,
    /** Presets and profiles this one builds on, applied in order; this file wins. */
    extends: z.array(slug).default([]),
    /** True for a preset that is not a real organisation (e.g. `nhs-default`). */
    preset: z.boolean().default(false),
    policy: policySchema,
    organisation: z
      .object({
        name: z.string().min(1),
        shortName: z.string().optional(),
        /** Ways the organisation's name is written, for the handle rule and mentions. */
        nameVariants: z.array(z.string().min(2)).min(1),
        website: z.url(),
        /** Email domains that are the organisation's own (not personal data). */
        emailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'expected a domain')),
        /** Published addresses that are the organisation's own, e.g. the PALS mailbox. */
        emailAddresses: z.array(z.email()).default([]),
        servicePhoneNumbers: z.array(servicePhoneSchema).default([]),
        addresses: z.array(addressSchema).default([]),
      })
      .strict(),
    nation: nationSchema,
    hours: hoursSchema,
    targets: targetsSchema,
    teams: z.partialRecord(routeSchema, teamSchema),
    partners: z.array(partnerSchema).default([]),
    restrictedPeriods: z.array(restrictedPeriodSchema).default([]),
    approval: approvalSchema,
    /** Reading age the organisation writes for (years). */
    readingAge: z.number().int().min(7).max(18),
    lexicon: lexiconSchema.default({ places: [], services: [], abbreviations: {} }),
    rules: z.record(z.string(), ruleSettingSchema).default({}),
    /**
     * Automatic acknowledgement of direct messages (INB-3). `platforms` lists the platforms
     * whose DMs are acknowledged (e.g. `[facebook, instagram]`); absent, every platform's are;
     * `[]` switches acknowledgements off.
     */
    acknowledgements: z
      .object({
        platforms: z
          .array(z.string().regex(/^[a-z0-9_]+$/, 'expected a platform id such as "facebook"'))
          .optional(),
      })
      .strict()
      .optional(),
    /** Reply templates by id; they replace the built-in template of the same id. */
    templates: z
      .record(
        z.string().regex(/^[a-z0-9_]+$/, 'expected a template id such as "foi_acknowledge"'),
        templateSchema,
      )
      .default({}),
  })
  .strict();

/** A profile after presets are applied and validation passed. */
export type Profile = z.infer<typeof profileSchema>;
/** Raw profile document as written in YAML, before presets are applied. */
export type ProfileInput = z.input<typeof profileSchema>;
