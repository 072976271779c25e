import signal from './patient_safety.hazard.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'The fire drill this morning went smoothly, thanks to the wardens', name: 'drill' },
    { text: 'Sharps bins are in the corner of every bay under the new policy', name: 'policy' },
    {
      text: 'If the fire exit was ever blocked we would report it straight away',
      name: 'hypothetical',
    },
    { text: 'Why are the main entrance doors always left wide open in winter?', name: 'no risk' },
    {
      text: "They're closing the minor injuries unit, someone is going to get hurt driving 30 miles",
      name: 'not staffing',
    },
    { text: 'The drugs trolley was not left open, I checked', name: 'negated' },
  ],
  invalid: [
    {
      text: 'just so you know the emergency exit by outpatients has been padlocked for days',
      spans: ['emergency exit by outpatients has been padlocked'],
    },
    {
      text: 'Used needles lying around in the kids play area in the clinic',
      spans: ['needles lying around'],
    },
    {
      text: 'my nan got jabbed by a dirty needle someone left in her blanket',
      spans: ['jabbed by a dirty needle'],
    },
    {
      text: 'The medicines cupboard in the day room has been wide open all afternoon',
      spans: ['medicines cupboard in the day room has been wide open'],
    },
    {
      text: 'One of the night carers turned up stinking of booze and did the meds',
      spans: ['carers turned up stinking of booze'],
    },
    {
      text: 'two nurses looking after forty patients on nights, its not safe',
      spans: ['two nurses looking after forty patients'],
    },
    {
      text: 'My uncle has dementia and keeps trying to get out of the side door, nobody watching him',
      spans: ['dementia and keeps trying to get out'],
    },
    {
      text: "Nobody's been near my grandad for five hours, he's still in the chair",
      spans: ["Nobody's been near my grandad for five"],
    },
    {
      text: 'he rang his buzzer at midnight and nobody came',
      spans: ['rang his buzzer at midnight and nobody'],
    },
    {
      text: "They've marked the wrong knee for her surgery",
      spans: ['marked the wrong knee'],
    },
    {
      text: 'the window on the mental health ward was left unlocked all night',
      spans: ['window on the mental health ward was left unlocked'],
    },
    {
      text: 'Night staff have been filling in the turning charts for turns that never happened',
      spans: ['filling in the turning charts for turns that never happened'],
    },
  ],
});
