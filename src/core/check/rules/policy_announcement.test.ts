import rule from './policy_announcement.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Our flu clinics are open this weekend at the Civic Centre, 9am to 4pm. '.repeat(15000);

ruleTester(rule, {
  valid: [
    'From 1 April, gluten-free food will no longer be routinely prescribed in our area. Read the full decision and what it means for you: https://www.bsw.icb.nhs.uk/news/gluten-free-prescribing',
    'From Monday 3 June, blood tests at our sites will be by appointment only. Full details: https://www.royalunitedhospitals.nhs.uk/blood-tests',
    'Visiting hours will change from 1 September – see nhs.uk/visiting for details.',
    'From May, the outpatient pharmacy is moving to the main entrance. More info at gwh.nhs.uk/pharmacy',
    {
      text: 'Our walk-in centre will close at 6pm from 1 April. See our website for the reasons.',
      name: '"see our website" counts as a link',
    },
    {
      text: 'Latest news from our physiotherapy department: new evening clinics start next month.',
      name: 'a new clinic is not a policy change',
    },
    'Our flu vaccine clinics are open this weekend at the Civic Centre, 9am to 4pm. No need to book. #FluJab',
    'If you no longer need your appointment, please let us know so we can offer it to someone else.',
    {
      text: 'Our pharmacy will close at 1pm on Christmas Eve and reopen on 27 December.',
      name: 'holiday hours',
    },
    {
      text: 'Due to staff sickness, the clinic will close early today.',
      name: 'a one-off closure',
    },
    {
      text: 'The car park on Level 2 will close for resurfacing this Saturday.',
      name: 'maintenance',
    },
    'Reminder: our walk-in centre is open 8am to 8pm every day, including weekends.',
    'Join us for our open day on Saturday from 10am!',
    'Well done to our cleaning team for their hard work during the outbreak.',
    'Symptoms will usually stop within a week.',
    'Our new MRI scanner has arrived. It will help us scan up to 40 more patients a week.',
    'Stoptober starts today! Will you stop smoking with us?',
    'Our summer fair will move to the main hall if it rains.',
    {
      text: 'From next week, our flu clinics will also be open on Saturdays.',
      name: 'more of a service is not a change to it',
    },
    'From Monday, join our walk-in flu clinics at the Civic Centre.',
    {
      text: 'From 1 April we will no longer prescribe gluten-free food.',
      audience: 'personal',
      name: 'personal posts are not checked',
    },
    { text: big, name: '1 MB text' },
    { text: 'http'.repeat(10000) + '.'.repeat(10000), name: 'pathological link-like text' },
    {
      text: 'From Monday you can get your flu jab at our walk-in centre.',
      name: 'a service becomes available (no limit)',
    },
    {
      text: 'From next week our pharmacy is also open until 8pm. Come and see us.',
      name: 'longer opening hours',
    },
    {
      text: 'From 1 May, visitors must wear a mask on the respiratory ward. Read why at www.example.nhs.uk/masks',
      name: 'a dated rule with a link',
    },
    {
      text: 'From this Saturday only, the clinic is closed for maintenance.',
      name: 'a one-off closure',
    },
  ],
  invalid: [
    {
      text: 'From 1 April we will no longer prescribe gluten-free food on the NHS in our area.',
      errors: [
        {
          actual: 'will no longer',
          suggestion:
            'From 1 April we will no longer prescribe gluten-free food on the NHS in our area. Full details: https://www.example.nhs.uk/',
        },
      ],
    },
    {
      text: 'We’re changing how you book blood tests: from Monday, walk-ins will end at all our sites and every appointment must be booked online.',
      errors: [{ actual: 'We’re changing' }],
    },
    {
      text: 'Exciting news! From next month our minor injuries unit in Paulton will close at weekends, and patients should go to the RUH instead.',
      errors: [{ actual: 'will close' }],
    },
    {
      text: 'We have decided that visiting hours on all adult wards will change to 2pm to 8pm from 1 September.',
      errors: [{ actual: 'We have decided' }],
    },
    {
      text: 'Following extensive deliberation by the governing body, it has been determined that the commissioning of non-emergency patient transport services will be subject to revised eligibility criteria, effective from the forthcoming financial year.',
      errors: [{ message: /without a link/ }],
    },
    {
      text: 'From 1 April, the walk-in centre will close at 6pm.',
      errors: [{ actual: 'will close' }],
    },
    { text: 'New visiting rules start Monday.', errors: [{ actual: 'New visiting rules' }] },
    {
      text: 'Repeat prescriptions must now be ordered through the NHS App or your pharmacy.',
      errors: [{ actual: 'must now' }],
    },
    {
      text: 'From 1 May, visitors must wear a mask on the respiratory ward.',
      errors: [{ actual: 'From 1 May' }],
      name: 'a dated rule for visitors',
    },
    {
      text: 'Only one visitor per bed from next Monday on all our wards.',
      errors: [{ actual: 'from next Monday' }],
      name: 'a dated limit with the date at the end',
    },
    {
      text: 'Starting next month, repeat prescriptions must be ordered online.',
      errors: [{ actual: 'Starting next month' }],
    },
    {
      text: 'Visiting is now limited to one person per patient on the children’s ward.',
      errors: [{ actual: 'is now limited to' }],
      name: 'a new limit with no date',
    },
  ],
});
