import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';
import rule from './offensive.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Our flu clinics are open this weekend at the Civic Centre. '.repeat(18000);

ruleTester(rule, {
  valid: [
    // Place names and ordinary words that contain or look like offensive words.
    'Great to welcome colleagues from Scunthorpe General Hospital to share learning on virtual wards today.',
    'Scunthorpe, Penistone and Middlesex all sent teams to our regional quality improvement day.',
    'Teams from Cockermouth, Sussex, Essex, Shitterton and Clitheroe joined us today.',
    'Our therapist will assess you. The analysis class runs in the cockpit simulator room.',
    'Hancock and Dickens visited the ward with Dick Whittington from the panto.',
    'Blue tits are nesting in our hospital garden.',
    'Finger prick blood tests are quick and easy.',
    'Flame retardant mattresses are now on all wards.',
    'Graduated magna cum laude from Leeds: welcome, Dr Shah!',
    'The Muppets came to our children’s ward!',
    'Penistone Road surgery is closed today.',
    'C# developers wanted. Rated 5* by patients.',
    // Clinical words.
    {
      text: 'Blood in your poo or a bloody stool? Speak to your GP.',
      name: 'bloody stool is clinical',
    },
    {
      text: 'Our anal fissure clinic and sexual health service are open. Penis and vagina health explained.',
      name: 'anatomy and clinics',
    },
    { text: 'Breast screening saves lives. Check your breasts every month.', name: 'breast' },
    { text: 'Our spastic cerebral palsy clinic opens on Monday.', name: 'clinical term' },
    {
      text: 'Rape Crisis and our sexual assault referral centre can help, day or night.',
      name: 'support services',
    },
    { text: 'Psycho-social support is available for families.', name: 'compound word' },
    // Idioms that sound violent.
    'Our nurses are absolutely killing it this week! The cake is to die for.',
    'Dying to see you all at the summer fair.',
    'We’ll find you a bed as soon as we can.',
    'We will find you the right service.',
    'Watch your back when lifting heavy boxes: bend your knees.',
    'We’re going to kill it at the charity 10k!',
    'I’m going to smash my fundraising target!',
    // Not abuse.
    'We will not tolerate abuse of our staff. Incidents are reported to the police.',
    {
      text: 'I’m such an idiot, left my keys at home again.',
      audience: 'personal',
      name: 'insult aimed at oneself',
    },
    {
      text: 'Bloody brilliant day at the beach.',
      audience: 'personal',
      name: 'mild profanity on a personal post is left to the author by default',
    },
    {
      text: 'Can’t be arsed to cook tonight.',
      audience: 'personal',
      name: 'mild slang on a personal post',
    },
    'Stoptober: ditch the fags for good!',
    'Come to our open day and see what happens behind the scenes in theatres.',
    'Please don’t share your home address here.',
    'We’ve had to shut up shop early because of the snow.',
    'Our volunteers won’t shut up about how good the new café is!',
    'Sod’s law it rained on our fun run.',
    'Information for asylum seekers and refugees on registering with a GP.',
    'Asylum seekers who come here are entitled to free NHS care.',
    'Overseas visitors may have to pay for some NHS treatment.',
    'Our Gypsy, Roma and Traveller health team visits sites across the county.',
    'Refugees whose lives were ruined by war can get help from our team.',
    'Faggots and peas are on the staff canteen menu today.',
    'Nigel Farage visited Clacton. Arsenal fans raised money.',
    'Pissarro prints now hang in our corridors.',
    { text: big, name: '1 MB clean text' },
    { text: '9'.repeat(100000), name: '100 000 digits' },
    { text: '#'.repeat(10000), name: '10 000 hashes' },
    { text: '*'.repeat(10000) + ' a'.repeat(5000), name: 'asterisks and single letters' },
    { text: '!?.'.repeat(10000), name: 'repeated punctuation' },
    {
      text: 'Our international nurses bring so much experience to the team.',
      name: 'a group named with praise',
    },
    {
      text: 'Patients who do not speak English can ask for an interpreter at reception.',
      name: 'language support',
    },
    {
      text: 'Our Polish nurses are always so helpful. Thank you!',
      name: 'a nationality with a kind word',
    },
    {
      text: 'Older people are more at risk in hot weather, so check on elderly neighbours.',
      name: 'a health message about a group',
    },
    { text: 'Watch your step on the icy paths this morning.', name: 'watch, not a threat' },
    {
      text: 'See you in the car park for the fun run at 9!',
      name: 'meeting in the car park',
    },
    {
      text: 'Smokers, please do not leave dirty cigarette ends by the door.',
      name: 'a group and one negative word',
    },
    { text: 'Please be kind to our staff. Abuse is never OK.', name: 'asking for kindness' },
    {
      text: 'Gaz, you absolute legend, see you at five-a-side.',
      audience: 'personal',
      name: 'friendly banter',
    },
    {
      text: 'Missed appointments waste time that other patients need.',
      name: 'wasted time, not an insult',
    },
  ],
  invalid: [
    {
      text: 'These bloody idiots who keep parking in the ambulance bay need to get a grip. Move your damn cars.',
      errors: [
        { actual: 'bloody', message: /mild profanity/ },
        { actual: 'idiots', message: /insult/ },
        { actual: 'damn' },
      ],
    },
    {
      text: 'Anyone abusing our staff is a pathetic piece of scum and deserves everything they get.',
      errors: [
        { actual: 'pathetic piece of' },
        { actual: 'scum' },
        { actual: 'deserves everything they get', message: /threat/ },
      ],
    },
    {
      text: 'People who don’t turn up for appointments are selfish morons.',
      errors: [{ actual: 'morons' }],
    },
    {
      text: 'Those foreign patients come here just for free treatment - sick of it. Views my own obviously.',
      audience: 'personal',
      errors: [{ message: /discriminatory generalisation/ }],
    },
    {
      text: 'Our trust management couldn’t organise a p*ss-up in a brewery.',
      audience: 'personal',
      errors: [{ actual: 'p*ss', message: /profanity/ }],
    },
    { text: 'What a sh1t day.', errors: [{ actual: 'sh1t' }], name: 'leetspeak' },
    { text: 'f*ck this', errors: [{ actual: 'f*ck' }], name: 'masked' },
    { text: 'well s h i t', errors: [{ actual: 's h i t' }], name: 'spaced letters' },
    { text: 'f.u.c.k that', errors: [{ actual: 'f.u.c.k' }], name: 'dotted letters' },
    { text: 'fuuuuuck', errors: [{ actual: 'fuuuuuck' }], name: 'repeated letters' },
    {
      text: 'What a tosssser',
      errors: [{ actual: 'tosssser' }],
      name: 'repeated letters in a UK insult',
    },
    {
      text: 'You’re a bellend and a tosser, you pillock.',
      errors: [{ actual: 'bellend' }, { actual: 'tosser' }, { actual: 'pillock' }],
    },
    {
      text: 'What a knobhead. Absolute w4nker.',
      errors: [{ actual: 'knobhead' }, { actual: 'w4nker' }],
    },
    { text: 'Call her a slag again and see what happens.', errors: [{ actual: 'slag' }] },
    {
      text: 'I’ll find you. I’ll hurt you.',
      errors: [{ actual: 'I’ll find you', message: /threat/ }, { actual: 'I’ll hurt you' }],
    },
    { text: 'You’d better watch your back.', errors: [{ actual: 'better watch your back' }] },
    { text: 'We know where you live.', errors: [{ actual: 'know where you live' }] },
    { text: 'Someone should punch him.', errors: [{ message: /threat/ }] },
    {
      text: 'You deserve to be hurt for what you said.',
      errors: [{ actual: 'You deserve to be hurt' }],
    },
    {
      text: 'He called her a p*ki in the waiting room and we reported it.',
      errors: [{ actual: 'p*ki', message: /slur/ }],
      name: 'quoting a slur to report it is still a slur',
    },
    { text: 'Stop being such a retard.', errors: [{ message: /slur/ }] },
    {
      text: 'Bloody brilliant team!',
      errors: [{ actual: 'Bloody', message: /mild/ }],
      name: 'mild profanity on a corporate post',
    },
    { text: 'That was a damn good effort.', errors: [{ actual: 'damn' }] },
    {
      text: 'Bloody brilliant day at the beach.',
      audience: 'personal',
      profile: 'offensive-mild-all',
      errors: [{ actual: 'Bloody' }],
      name: 'mild profanity on personal posts when the profile asks',
    },
    { text: 'Don’t be a muppet, get your flu jab!', errors: [{ actual: 'muppet' }] },
    {
      text: 'Immigrants are flooding in and taking over.',
      audience: 'personal',
      errors: [{ message: /discriminatory/ }],
    },
    {
      text: 'Shut your mouth, nobody likes you.',
      errors: [{ actual: 'Shut your mouth' }, { actual: 'nobody likes you' }],
    },
    { text: 'This place is shiiiite', errors: [{ actual: 'shiiiite' }] },
    {
      text: 'Shut up and wait your turn like everyone else.',
      errors: [{ actual: 'Shut up', message: /harassing/ }],
    },
    {
      text: 'If that consultant speaks to me like that again I’ll smash his face in.',
      audience: 'personal',
      errors: [{ message: /threat/ }],
    },
    {
      text: 'Immigrants are draining the NHS dry.',
      audience: 'personal',
      errors: [{ message: /discriminatory/ }],
    },
    { text: 'That nurse is a stupid cow.', errors: [{ actual: 'stupid cow' }] },
    { text: 'WTF is going on with parking today', errors: [{ actual: 'WTF' }] },
    {
      text: 'I know where that consultant parks his car. I’ll break his legs.',
      errors: [{ message: /threat/ }, { actual: 'I’ll break his legs' }],
    },
    {
      text: 'I’ve got your ward manager’s home address. Keep ignoring me and see what happens.',
      errors: [{ message: /threat/ }, { message: /threat/ }],
    },
    {
      text: 'Dirty immigrant nurses don’t even speak English properly, should be deported the lot of them.',
      errors: [{ message: /discriminatory/ }],
    },
    {
      text: 'Your receptionists are a bunch of jumped-up little Hitlers.',
      errors: [{ actual: 'little Hitlers' }],
    },
    { text: 'Go and kill yourself.', errors: [{ actual: 'kill yourself' }] },
    {
      text: 'Not sure why we keep hiring overseas nurses. Half of them can barely speak English.',
      audience: 'personal',
      errors: [{ message: /discriminatory/ }],
      name: 'a remark about the language of staff from abroad',
    },
    {
      text: 'Why are the Romanian carers always so lazy?',
      audience: 'personal',
      errors: [{ message: /discriminatory/ }],
      name: 'a nationality and two hostile words',
    },
    {
      text: 'Old people are just bed blockers these days.',
      audience: 'personal',
      errors: [{ actual: 'bed blockers' }],
      name: 'a slur for older patients',
    },
    {
      text: 'The woman on the front desk at my dentist is a stuck-up cow.',
      audience: 'personal',
      errors: [{ actual: 'stuck-up cow' }],
    },
    {
      text: 'People who miss appointments are a bunch of time wasters.',
      errors: [{ actual: 'bunch of time wasters' }],
    },
    {
      text: 'Mark from estates is an absolute clown.',
      audience: 'personal',
      errors: [{ actual: 'absolute clown' }],
    },
    {
      text: 'I will be waiting for you after your shift, Kev. You have been warned.',
      audience: 'personal',
      errors: [{ message: /threat/ }, { message: /threat/ }],
      name: 'a veiled threat to a colleague',
    },
    {
      text: 'You are vile and nobody wants you here.',
      errors: [{ actual: 'You are vile' }, { actual: 'nobody wants you here' }],
    },
  ],
});

describe('[PUB-3] offensive on huge inputs with many matches', () => {
  it('returns', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    for (const text of [
      'These foreigners are here. They are. '.repeat(30_000),
      'Romanian carers '.repeat(60_000),
    ])
      for (const audience of ['corporate', 'personal'] as const)
        expect(Array.isArray(checker.check(toDraft({ text, audience })).findings)).toBe(true);
  });
});
