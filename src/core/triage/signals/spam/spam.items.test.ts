/**
 * spam on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  '💸 I turned £200 into £5,000 in 2 weeks with this trading app, link in my bio 💸',
  'URGENT: Your NHS account has been suspended. Verify your details here nhs-verify-login.xyz',
  'Want more followers? We grow your account organically. DM for prices',
  "Congratulations! You've been selected for a free health MOT worth £299, click here to claim",
  'Hot singles in your area are waiting 😘 18+ only',
  'Amazing post! 🔥 Follow my page for daily motivation quotes 💯',
  'Cheap Botox and fillers, qualified practitioner, message me for prices 💉',
  'Earn from home with our proven system!!! 💰💰 Message me for details',
  'Your parcel could not be delivered. Reschedule here: royalmail-redelivery.top',
  'Love this! 😍 Check out my profile for exclusive content 🔞',
  "We're offering 50% off private health checks this week only, book now at healthcheckdeals.shop",
  "Join my team and become your own boss, DM me 'INFO' 🙌",
  'Recover your lost crypto funds! Contact our certified recovery agent on WhatsApp',
  'Need a loan fast? Bad credit OK! Apply now at quickcash4u.online',
  'I was able to clear my debts thanks to Mr James investment program, contact him on Instagram @jamesfx_trader',
  'Beautiful page 😍😍 DM me for a promo deal to grow your audience',
  'Free £500 Tesco voucher for NHS workers! Click here to claim before midnight',
  '🚨 NHS ALERT 🚨 You are owed a tax rebate of £312. Fill in your details here: gov-rebate.info',
  'Earn 3000 weekly from your phone, no experience, message me',
  'Get paid to post on social media! Up to £200/day. Link in bio',
  'Congratulations! Your number was drawn in our NHS staff prize draw. Reply with your bank details to receive £1000',
  'Looking for a sugar daddy? Message me 😘',
  'SEO services for your website, first page of google guaranteed, contact us',
  'Want to lose weight fast? Our keto drops melt fat overnight 🔥 DM for details',
  "Hi, I'm a recruiter, we have amazing remote roles paying £60k, click the link in my bio",
  "Win a free Dyson! Just like and share this post and comment 'WIN' 👇",
  'Your NHS prescription prepayment has expired. Renew now at nhs-ppc-renew.site',
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Asking on behalf of our residents group: how much did the ICB spend on management consultants in each of the last 5 years?',
  "DM from Sky: our correspondent is outside the hospital now and we'd like a statement for the 5 o'clock bulletin",
  'Tried ringing the surgery 47 times this morning. 47. Unreal.',
  'Top marks for the vaccine clinic at the football ground, so well organised',
  'Hiya, how do I change my appointment? The number on the letter just goes to voicemail',
  'Under FOIA I request the number of patients who died while waiting for an ambulance in 2023',
  'Good afternoon, Health Service Journal here. We understand the chief nurse has resigned. Could you confirm and provide a comment before 5pm today?',
  'the state of the toilets in outpatients is grim. sort it out',
  'Wonderful news about the new cancer centre!',
  "what's the number for patient transport? need to book for mum's dialysis",
  'how many operations were cancelled on the day at the RUH in december? and why',
  "Hi there, we're making a TV programme about emergency departments and would love to talk to your comms team about filming",
  'Staff were nice enough but the wait was ridiculous',
  'thank u, when do the results usually come back?',
  'Heard the maternity unit is only taking private patients from April. Spread the word',
  "Journalist here, working on a Sunday Times investigation into agency spending. Can you send me the trust's response by Friday?",
  'Just wanted to say the receptionist at Park Lane was lovely on the phone today',
  "My son's appointment letter says Ward 4 but the website says Ward 6, which is right?",
  'We were told dad would have a care package when he left ward 9 but nobody has come for 5 days. Please look into it.',
];

describe('[INB-1] spam on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('spam'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('spam'),
  );
});
