import { describe, expect, it } from 'vitest';
import signal from './complaint.explicit.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';
import { prepare } from '../../prepare.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

signalTester(signal, {
  valid: [
    {
      text: "I'm not complaining, just asking what time the clinic opens",
      name: 'a disclaimer is not a complaint',
    },
    {
      text: 'Could you send me your complaints policy?',
      name: 'asking for the complaints policy is FOI, not a complaint',
    },
    'Thank you to the team on ward 10',
    {
      text: 'How many complaints did the maternity unit receive last year?',
      name: 'counting complaints is not making one',
    },
  ],
  invalid: [
    {
      text: 'I want to make a formal complaint. My mum waited 9 hours on a trolley.',
      spans: ['formal complaint'],
    },
    {
      text: 'Complaint: the physio department cancelled my knee appointment 3 times',
      spans: ['Complaint:'],
    },
    { text: 'how do i complain about the doctor i saw on saturday', spans: ['how do i complain'] },
    {
      text: 'My complaint ref is 6708517688 and I have heard nothing back',
      spans: ['My complaint'],
    },
    {
      text: "What's the phone number for PALS? I want to raise a concern about my mum's care",
      spans: ['raise a concern'],
    },
    {
      text: "That idiot on reception wouldn't let me book. I'm reporting her.",
      spans: ["I'm reporting her"],
    },
    {
      text: "I'm not one to moan but I want to complain about the nurse on ward 9",
      name: '"not one to moan, but" prefaces a complaint',
    },
  ],
});

describe('[INB-8] complaint.explicit disclaimers', () => {
  const detect = signal.create(signal.options.parse({}), testProfile('nhs-default'));
  const weights = (text: string) => {
    const out: number[] = [];
    detect(prepare({ text }), (r) => out.push(r.weight));
    return out;
  };
  it('argues against the label when the author says it is not a complaint', () => {
    expect(weights('Not complaining, just wondering if the clinic is open')).toContain(-1);
    expect(weights("This isn't a complaint but the car park is confusing")).toContain(-1);
  });
  it('does not treat "not one to complain" as a disclaimer', () => {
    expect(weights("I'm not one to complain but this is appalling")).not.toContain(-1);
  });
});
