/**
 * pii.email — an email address that belongs to a person. The organisation's published addresses
 * and role mailboxes ("pals@…", "foi@…", "ruh-tr.pals@nhs.net") are how the public is meant to
 * reach it and are left alone; a person's address ("dawn_r_smith@hotmail.co.uk",
 * "jo.bloggs@nhs.net") is personal data in a public post (PUB-3).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { findEmails, type EmailMatch } from '../../text/email-address.js';

/** Webmail providers: an address there is a person's, whatever its name looks like. */
const FREE_MAIL =
  /^(?:gmail|googlemail|hotmail|outlook|live|msn|windowslive|yahoo|ymail|rocketmail|aol|aim|icloud|me|mac|btinternet|btopenworld|talk21|sky|virginmedia|ntlworld|blueyonder|talktalk|tiscali|orange|wanadoo|protonmail|proton|pm|gmx|web|mail|email|zoho|yandex|fastmail|hushmail|tutanota|tuta|inbox|lycos|rediffmail|qq|163|hey)\.[a-z.]{2,12}$/;

/** Public-sector domains, where a role mailbox is a published service address. */
const PUBLIC_SECTOR =
  /(?:^|\.)(?:nhs\.net|nhs\.uk|nhs\.scot|hscni\.net|gov\.uk|gov\.scot|gov\.wales|llyw\.cymru|police\.uk|ac\.uk|sch\.uk|mod\.uk|parliament\.uk)$/;

const underDomain = (domain: string, parents: ReadonlySet<string>): boolean => {
  for (const p of parents) if (domain === p || domain.endsWith('.' + p)) return true;
  return false;
};

export default defineRule({
  meta: {
    id: 'pii.email',
    description: 'A personal email address (not the organisation’s or a role mailbox)',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** More addresses that may appear (e.g. a partner's published mailbox). */
      allow: z.array(z.string()).default([]),
      /** More domains treated like the organisation's own: role mailboxes there are fine. */
      allowDomains: z.array(z.string()).default([]),
      /**
       * Leave role mailboxes ("info@", "enquiries@") at any domain other than webmail alone, not
       * only the organisation's and public-sector ones. They are organisations, not people.
       */
      allowRoleMailboxesAnywhere: z.boolean().default(true),
    })
    .strict(),
  create(options, profile) {
    const allowed = new Set(
      [
        ...profile.organisation.emailAddresses,
        ...options.allow,
        ...Object.values(profile.teams).map((t) => t?.email ?? ''),
      ]
        .filter(Boolean)
        .map((a) => a.toLowerCase()),
    );
    const ownDomains = new Set(
      [...profile.organisation.emailDomains, ...options.allowDomains].map((d) => d.toLowerCase()),
    );
    const roles = new Set(allPhrases(phraseList('pii-email')).map((p) => p.toLowerCase()));
    const names = new Set(
      phraseList('pii-person-care-names')
        .entries.filter((e) => e.kind === 'given')
        .flatMap((e) => e.phrases)
        .map((p) => p.toLowerCase()),
    );

    /** A role mailbox: some piece of the local part is a role word and none is a given name. */
    const isRole = (local: string): boolean => {
      const pieces = local.split(/[._+'\-0-9]+/).filter(Boolean);
      if (pieces.some((p) => names.has(p))) return false;
      return (
        roles.has(local) ||
        roles.has(local.replace(/[._+'\-0-9]/g, '')) ||
        pieces.some((p) => roles.has(p))
      );
    };

    const isPersonal = (e: EmailMatch): boolean => {
      if (allowed.has(e.address)) return false;
      if (FREE_MAIL.test(e.domain)) return true;
      if (!isRole(e.local)) return true;
      if (underDomain(e.domain, ownDomains) || PUBLIC_SECTOR.test(e.domain)) return false;
      return !options.allowRoleMailboxesAnywhere;
    };

    return (draft, report) => {
      const text = draft.text;
      for (const e of findEmails(text)) {
        if (!isPersonal(e)) continue;
        const actual = text.slice(e.start, e.end);
        report({
          start: e.start,
          end: e.end,
          message: `Unexpected email address "${actual}", expected it removed: a person's email address is personal data`,
          expected: ['[email address removed]'],
          note: 'Ask the person to send details by private message, or give a published team mailbox instead. Add your own published addresses to the profile (organisation.emailAddresses).',
        });
      }
    };
  },
});
