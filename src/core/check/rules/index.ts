/**
 * Every content rule, in the order of labels.md (then the rules Commsdesk adds). A rule is one file named by its id, with its
 * test beside it and its documentation in docs/rules/<id>.md (scripts/check-rule-files.ts).
 */
import type { Rule } from '../rule.js';
import piiNhsNumber from './pii.nhs_number.js';
import piiPostcode from './pii.postcode.js';
import piiPhone from './pii.phone.js';
import piiEmail from './pii.email.js';
import piiDob from './pii.dob.js';
import piiHospitalNumber from './pii.hospital_number.js';
import piiPersonCare from './pii.person_care.js';
import commercial from './commercial.js';
import endorsement from './endorsement.js';
import offensive from './offensive.js';
import medicalAdvice from './medical_advice.js';
import political from './political.js';
import policyAnnouncement from './policy_announcement.js';
import a11yHashtagCase from './a11y.hashtag_case.js';
import a11yAltText from './a11y.alt_text.js';
import a11yReadingAge from './a11y.reading_age.js';
import a11yJargon from './a11y.jargon.js';
import a11yCaps from './a11y.caps.js';
import a11yEmoji from './a11y.emoji.js';
import a11yCaptions from './a11y.captions.js';
import a11ySpelling from './a11y.spelling.js';
import a11yTextImage from './a11y.text_image.js';
import mediaConsent from './media.consent.js';
import personalDisclaimer from './personal.disclaimer.js';
import personalGrievance from './personal.grievance.js';
import brandCredit from './brand.credit.js';
import handle from './handle.js';

/** All rules the engine knows, in the order of labels.md. */
export const rules: readonly Rule[] = [
  piiNhsNumber as Rule,
  piiPostcode as Rule,
  piiPhone as Rule,
  piiEmail as Rule,
  piiDob as Rule,
  piiHospitalNumber as Rule,
  piiPersonCare as Rule,
  commercial as Rule,
  endorsement as Rule,
  offensive as Rule,
  medicalAdvice as Rule,
  political as Rule,
  policyAnnouncement as Rule,
  a11yHashtagCase as Rule,
  a11yAltText as Rule,
  a11yReadingAge as Rule,
  a11yJargon as Rule,
  a11yCaps as Rule,
  a11yEmoji as Rule,
  a11yCaptions as Rule,
  a11ySpelling as Rule,
  a11yTextImage as Rule,
  mediaConsent as Rule,
  personalDisclaimer as Rule,
  personalGrievance as Rule,
  brandCredit as Rule,
  handle as Rule,
];

/** Rule ids, in the order of labels.md. */
export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);
