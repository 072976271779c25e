import rule from './medical_advice.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'If you are worried, speak to your GP or use NHS 111 online. '.repeat(17000);

ruleTester(rule, {
  valid: [
    // Signposting.
    'Need urgent medical help but it’s not an emergency? Use NHS 111 online or call 111. In a life-threatening emergency, always call 999.',
    'We’re sorry you’re feeling unwell. We can’t give medical advice on social media, but your GP practice or NHS 111 can help.',
    'If your child has a high temperature and you’re worried, contact your GP or use NHS 111 online. Call 999 if they have a fit.',
    'Your pharmacist can advise on the best treatment for hay fever.',
    'Paracetamol and ibuprofen can help with pain and fever – ask your pharmacist which is right for you.',
    'Ask your pharmacist whether you should take ibuprofen.',
    {
      text: 'Most sore throats get better on their own within a week. Your local pharmacist can advise on what might help. If you’re worried, use NHS 111 online.',
      name: 'general campaign information',
    },
    // Public health campaigns.
    'Get your flu jab if you’re eligible. The flu shot is free for everyone aged 65 and over.',
    'Antibiotics don’t work for colds and flu. Keep antibiotics working.',
    'Wash your hands for 20 seconds with soap and water.',
    'Children aged 2 and 3 can get the flu vaccine as a nasal spray.',
    'Two doses of the MMR vaccine give the best protection.',
    'We’ve given 10,000 doses of the flu vaccine this winter!',
    'Everyone should consider taking 10 micrograms of vitamin D a day in autumn and winter.',
    {
      text: 'Trying for a baby? Take 400mcg of folic acid every day.',
      name: 'national supplement advice',
    },
    'If you think you might have flu, stay at home and rest.',
    'Stay off work for 48 hours after symptoms stop.',
    'Stop smoking with our free service – call us today.',
    'Keep taking your inhaler as prescribed during the heatwave.',
    'Don’t stop taking your medicines without speaking to your GP first.',
    'Remember to bring your medicines with you when you come into hospital.',
    'Our pharmacists can help you use your inhaler correctly.',
    {
      text: 'You asked: should I stop taking it? Please ask your GP or pharmacist before you change anything.',
      name: 'quoting the question back',
    },
    'If you miss a dose of your contraceptive pill, check the leaflet or ask a pharmacist.',
    // Booking and service information.
    'You don’t need an appointment, just walk in.',
    'No need to book: our flu clinics are drop-in.',
    {
      text: 'You don’t need to see a GP for most coughs and colds – your pharmacist can help.',
      name: 'Choose Well signposting',
    },
    // Not a diagnosis.
    'It sounds like you had a really difficult experience. Please contact PALS.',
    'Looks like a cold day out there, wrap up warm!',
    'You’ve got a lot going on, we’re here to help.',
    'Flu is a virus that spreads easily in winter.',
    {
      text: 'Your GP surgery will ring you about your insulin.',
      name: 'mention of a medicine without advice',
    },
    { text: big, name: '1 MB text' },
    { text: '5'.repeat(100000) + 'mg', name: '100 000 digits' },
    { text: 'take '.repeat(20000), name: 'repeated verbs' },
  ],
  invalid: [
    {
      text: 'Got a sore throat? Gargle with warm salt water and take 1000mg of paracetamol four times a day. You won’t need antibiotics.',
      errors: [
        { actual: '1000mg of paracetamol four times a day', message: /dose/ },
        { actual: 'You won’t need antibiotics', message: /reassurance/ },
      ],
    },
    {
      text: 'If your child has a temperature, give them 5ml of Calpol every 4 hours and alternate with ibuprofen. No need to see a GP unless it lasts a week.',
      errors: [{ actual: '5ml of Calpol every 4 hours' }, { actual: 'No need to see a GP' }],
    },
    {
      text: 'Friends keep asking so: for a UTI just take cranberry juice and 3 days of trimethoprim, works every time. (I’m a nurse, views my own)',
      audience: 'personal',
      errors: [{ actual: '3 days of trimethoprim' }],
    },
    {
      text: 'For a chesty cough, take 10ml of guaifenesin syrup three times a day and use a steam inhaler. If it lasts more than 3 weeks, see your GP.',
      errors: [
        {
          message: /dose/,
          suggestion:
            "We can't give medical advice on social media. Please speak to your GP or a pharmacist, use NHS 111 online, or call 999 in an emergency.",
        },
      ],
      name: 'signposting after advice does not make it safe',
    },
    {
      text: 'Sounds like you’re having a reaction to amlodipine - stop taking it and switch to ramipril instead.',
      errors: [{ actual: 'stop taking', message: /stop a medicine/ }],
    },
    {
      text: 'Hi Sam, you should apply hydrocortisone cream to the rash.',
      errors: [{ actual: 'you should apply hydrocortisone cream', message: /treatment/ }],
    },
    {
      text: 'That’s just a virus, rest at home.',
      errors: [{ actual: 'That’s just a virus', message: /diagnosis/ }],
    },
    {
      text: 'It sounds like a chest infection.',
      errors: [{ actual: 'sounds like a chest infection' }],
    },
    {
      text: 'You’ve probably got a sprain, put some ice on it.',
      errors: [{ message: /diagnosis/ }],
    },
    { text: 'Stop taking your tablets.', errors: [{ actual: 'Stop taking' }] },
    {
      text: 'Double your dose if it doesn’t help.',
      errors: [{ actual: 'Double your dose', message: /change a medicine/ }],
    },
    {
      text: 'Come off your antidepressants slowly over two weeks.',
      errors: [{ message: /change a medicine/ }],
    },
    { text: 'You’ll need antibiotics for that.', errors: [{ actual: 'You’ll need antibiotics' }] },
    { text: 'Try an antihistamine for the itching.', errors: [{ actual: 'Try an antihistamine' }] },
    {
      text: 'Take two paracetamol and call us in the morning.',
      errors: [{ message: /treatment|dose/ }],
    },
    { text: 'Give her ibuprofen every 6 hours.', errors: [{ message: /treatment/ }] },
    {
      text: 'Hi Jo, sounds like hay fever – try a daily antihistamine like cetirizine.',
      errors: [{ message: /treatment|diagnosis/ }],
    },
    {
      text: '@sam it’s probably just a tension headache, nothing to worry about.',
      errors: [{ message: /diagnosis/ }],
    },
    {
      text: 'You can take up to 8 paracetamol tablets in 24 hours.',
      errors: [{ message: /dose|treatment/ }],
    },
    {
      text: 'Our advice: increase your insulin by 2 units if your sugars are high.',
      errors: [{ message: /change a medicine/ }],
    },
    { text: 'You don’t need to see a doctor for that.', errors: [{ message: /reassurance/ }] },
  ],
});
