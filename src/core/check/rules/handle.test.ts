import rule from './handle.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const long = 'Night shift done. '.repeat(60000);

ruleTester(rule, {
  valid: [
    { text: 'A post with no handle at all.', name: 'no handle, no finding' },
    { text: 'A personal post.', audience: 'personal', name: 'no handle on a personal draft' },
    {
      text: 'Nurse by day, baker by night.',
      audience: 'personal',
      handle: '@BakingNurseBex',
      profile: 'dev-set',
    },
    {
      text: 'Off to run the Bristol 10k!',
      audience: 'personal',
      handle: '@JoRunsFar',
      profile: 'dev-set',
    },
    {
      text: 'Latest news from our physiotherapy department.',
      handle: '@SouthTynesideCCGPhysio',
      profile: 'dev-set',
      name: 'departmental handle with the variant joined by camel case',
    },
    { text: 'Welcome to the maternity team.', handle: '@HillingdonMaternity', profile: 'dev-set' },
    { text: 'Welcome!', handle: '@MSEICB_Pharmacy', profile: 'dev-set', name: 'underscore join' },
    {
      text: 'Welcome!',
      handle: 'bswccg.comms',
      profile: 'dev-set',
      name: 'no @, dots and lower case',
    },
    {
      text: 'Welcome!',
      handle: '@BSWCommsTeam',
      profile: 'dev-set',
      name: 'short variant as its own word',
    },
    {
      text: 'Hello',
      audience: 'personal',
      handle: '@BSWimmer',
      profile: 'dev-set',
      name: 'short variant inside another word is not the name',
    },
    {
      text: 'Hello',
      audience: 'personal',
      handle: '@absw_runner',
      profile: 'dev-set',
      name: 'short variant inside a lower-case word',
    },
    {
      text: 'Welcome to our maternity team.',
      handle: '@ExampleNHSMaternity',
      name: 'default profile variant',
    },
    {
      text: 'Welcome to our team.',
      handle: '@example_trust_physio',
      name: 'variant with spaces matched across underscores',
    },
    {
      text: 'Off duty',
      audience: 'personal',
      handle: '@nursebsw',
      profile: 'dev-set',
      name: 'a short variant run into lower-case letters is ambiguous and left alone',
    },
    { text: 'Personal view.', audience: 'personal', handle: '@DrPriyaFalls' },
    {
      text: 'Our team',
      audience: 'personal',
      handle: '@HillingdonHospitalsWard5',
      handleKind: 'departmental',
      profile: 'dev-set',
      name: 'handleKind overrides the audience',
    },
    {
      text: 'Our team',
      handle: '@NurseKat',
      handleKind: 'personal',
      profile: 'dev-set',
      name: 'a corporate draft from a personal handle',
    },
    { text: 'Hi', handle: '@', name: 'a bare @ is no handle' },
    {
      text: long,
      audience: 'personal',
      handle: '@' + 'a'.repeat(10000),
      name: '1 MB text and a long handle',
    },
  ],
  invalid: [
    {
      text: 'Loving my new job in the emergency department. All opinions my own!',
      audience: 'personal',
      handle: '@HillingdonHospitalsNurseKat',
      profile: 'dev-set',
      errors: [{ message: /Hillingdon Hospitals/ }],
    },
    {
      text: 'Night shift done, time for bed!',
      audience: 'personal',
      handle: '@MSEICB_Dave',
      profile: 'dev-set',
      errors: [{ message: /MSEICB/ }],
    },
    {
      text: 'Weekend plans: football, roast dinner, sleep',
      audience: 'personal',
      handle: '@Sheffield_CCG_Tom',
      profile: 'dev-set',
      errors: [{ message: /personal handle/ }],
    },
    {
      text: 'Off duty',
      audience: 'personal',
      handle: '@NurseBSW',
      profile: 'dev-set',
      errors: [{ message: /BSW/ }],
      name: 'short variant as a camel-case word',
    },
    {
      text: 'Welcome to the official account of the maternity team.',
      handle: '@TheBumpTeam',
      profile: 'dev-set',
      errors: [{ message: /without the organisation's name/, suggestion: '@HillingdonBumpTeam' }],
    },
    {
      text: 'Follow us for updates from the South Tyneside CCG medicines optimisation team.',
      handle: '@TheMedsTeam',
      profile: 'dev-set',
      errors: [{ message: /departmental handle/ }],
      name: 'the name in the text does not make up for the handle',
    },
    {
      text: "Updates from our children's community nursing service.",
      handle: '@KidsNursingTeam',
      profile: 'dev-set',
      errors: [{ actual: '' }],
    },
    {
      text: 'Updates from our team.',
      handle: '@PhysioTeam',
      errors: [{ suggestion: '@ExampleNHSPhysioTeam' }],
      name: 'default profile suggestion',
    },
    {
      text: 'Me',
      audience: 'personal',
      handle: '@jo.examplenhs',
      errors: [{ message: /Example/ }],
    },
  ],
});
