/**
 * Realistic 280-character posts for benchmarks, built deterministically from sentences of the
 * kind NHS accounts post and receive. All names and numbers are invented.
 */
import { seededRandom } from './shared.js';

const SENTENCES = [
  'Our flu vaccine clinics are open this weekend at the community hospital, no need to book.',
  'Thank you to everyone on Ward 7 for looking after my dad so kindly last week.',
  'If you need urgent medical help and it is not an emergency, use NHS 111 online or call 111.',
  'We are sorry to hear about your experience; please contact our PALS team so they can help.',
  'Visiting times on the maternity unit change from Monday, see our website for details.',
  'Hi Sam, can you send us a private message with your contact details so PALS can call you?',
  'Huge congratulations to our volunteers who have given more than 10,000 hours this year!',
  'The walk-in centre on the High Street is very busy today, please think pharmacy first.',
  'Please only come to A&E if it is a genuine emergency, waits are long this evening.',
  'Find out how our new app lets you order repeat prescriptions without phoning the surgery.',
  'Our staff deserve respect, abuse of any kind will not be tolerated at our hospitals.',
  'Join us at the Civic Centre on Thursday from 10am to 2pm for free blood pressure checks.',
  'We have passed your comment to the ward manager, who will look into it today.',
  'Meet Priya, one of our physiotherapists, who helps patients get home sooner after surgery.',
  'Call 01632 960001 or email pals@example.nhs.uk, Monday to Friday, 9am to 5pm.',
  'Winter is coming: check on elderly neighbours and make sure they have enough medicines.',
  'Our board meeting papers are published on our website a week before each meeting.',
  'Mr Jones on Ward 4 is waiting for his scan results, can someone update the family?',
  'Get your #FluJab and #COVID19 booster before Christmas to protect yourself and others.',
  'Sorry you feel unwell; your local pharmacist can advise, or use NHS 111 online.',
];

/** `n` posts of up to 280 characters each, the same every run. */
export function realisticPosts(n: number, seed = 42): string[] {
  const rand = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let post = '';
    for (;;) {
      const s = SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
      if ((post + ' ' + s).trim().length > 280) break;
      post = (post + ' ' + s).trim();
    }
    out.push(post);
  }
  return out;
}
