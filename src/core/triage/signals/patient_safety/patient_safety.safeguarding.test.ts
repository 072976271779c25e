import signal from './patient_safety.safeguarding.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'My dad hit his head when he fell in the garden',
      name: 'an injury, not harm by another',
    },
    {
      text: 'The porter pushed my mum in a wheelchair to the car, so kind',
      name: 'help, not harm',
    },
    {
      text: 'The receptionist shouted at me when I asked for an update',
      name: 'rudeness to an adult: a complaint',
    },
    { text: 'he never hit her, she fell', name: 'negated' },
    'My son fell off his bike and the minor injuries unit were brilliant',
  ],
  invalid: [
    {
      text: 'My mum has dementia and rang me crying saying a nurse slapped her hand and shouted at her',
      spans: ['nurse slapped'],
    },
    {
      text: 'My son (15) told me a member of staff at the CAMHS unit has been messaging him on Snapchat late at night',
      spans: ['messaging'],
    },
    {
      text: "My husband has been shouting at me and pushing me around since he got home, I'm scared",
      spans: ['husband has been shouting at me and pushing'],
    },
    {
      text: "I'm a student nurse and I've seen a HCA slap a patient with learning disabilities",
      spans: ['HCA slap'],
    },
    {
      text: "A carer from the agency you use has been taking money from my nan's purse, she has dementia",
      spans: ['carer from the agency you use has been taking money'],
    },
    { text: "im 15 and my stepdad hits me when mum's at work", spans: ['stepdad hits'] },
    {
      text: 'My 13 year old cousin told me her stepdad comes into her room at night',
      spans: ['comes into her room at night'],
    },
    {
      text: "Mum's in the care home you commission and they've locked her in her room all day",
      spans: ["they've locked"],
    },
    {
      text: "Nurse on nights told my gran to shut up and yanked her arm, she's 91 with dementia",
      spans: ['yanked her arm'],
    },
    {
      text: "my sister's boyfriend has been hitting her and she's pregnant",
      spans: ['boyfriend has been hitting'],
    },
    {
      text: 'My niece (6) has finger marks on her arms and said her step dad did it',
      spans: ['finger marks on her arms and said her step dad did it'],
    },
    {
      text: 'my little girl came home from the childminder with bite marks again',
      spans: ['came home from the childminder with bite marks'],
    },
    {
      text: 'the family upstairs leave their toddler crying alone for hours every night',
      spans: ['leave their toddler crying alone for hours'],
    },
    {
      text: 'A visitor keeps trying to touch her when the nurses are away',
      spans: ['keeps trying to touch her'],
    },
  ],
});
