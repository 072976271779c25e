import signal from './patient_safety.emergency.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Is some bleeding normal 4 weeks after giving birth?',
      name: 'after the birth',
    },
    {
      text: 'Thank you for the care when my son had a seizure in 2021, he is doing great now',
      name: 'recovered',
    },
    {
      text: "Don't bother going to the hospital with chest pain, they'll just send you home",
      name: 'generic claim, no one in particular',
    },
    {
      text: 'My dad had a heart attack in 2019 and the cardiac team were brilliant, thank you',
      name: 'past and grateful',
    },
    { text: 'What should I do if my child has a seizure?', name: 'hypothetical' },
    { text: 'No chest pain, just a cough for a week', name: 'negated' },
    'The falls team visited my mum at home and fitted grab rails, brilliant service',
    'Hospital food has gone right downhill. Cold chips and grey peas',
    'Brilliant talk on sepsis awareness at the conference today',
  ],
  invalid: [
    {
      text: 'hey can you tell me if my chest pain is anxiety or heart? had it since this morning',
      spans: ['chest pain'],
      name: 'an indirect question is not a hypothetical',
    },
    {
      text: "My 2 year old has a temperature of 39.4 and is really floppy and won't drink.",
      spans: ['floppy'],
    },
    {
      text: "Is a headache and stiff neck with a rash that doesn't fade under a glass something to worry about? My son's 15",
      spans: ['stiff neck'],
    },
    { text: 'My son has swallowed a button battery, what do I do??', spans: ['button battery'] },
    {
      text: "My wife's 38 weeks and hasn't felt the baby move since last night.",
      spans: ["hasn't felt the baby move"],
    },
    {
      text: 'her baby is grey and not feeding and the midwife says she is fine',
      spans: ['not feeding'],
      name: 'two weak signs together',
    },
    {
      text: 'my dad is slurring his words and his face looks droopy on one side',
      spans: ['slurring'],
    },
    {
      text: 'My baby is 5 weeks old and has gone a funny blue colour round her mouth when feeding',
      spans: ['gone a funny blue colour round her mouth'],
    },
    {
      text: "my husband's chest feels like an elephant is sitting on it and his left arm is numb",
      spans: ['left arm is numb'],
    },
    { text: "Mum's sats are 85% and they've just turned her oxygen down", spans: ['sats are 85%'] },
    {
      text: 'There is a man threatening staff with a knife in the A&E waiting room right now',
      spans: ['knife'],
      name: 'violence in progress',
    },
    {
      text: "A patient has just punched a nurse on ward 30 and he's still kicking off",
      spans: ['punched a nurse'],
    },
    {
      text: "There's smoke coming from the plug by bed 4 on ward 11 and staff say it's fine",
      spans: ['smoke coming'],
    },
    {
      text: "Dad's just had a fit in the waiting room at the walk in centre",
      spans: ['just had a fit'],
    },
    {
      text: "Dad came home from the ward on Monday and now he's feverish and really drowsy",
      spans: ['feverish'],
    },
    {
      text: 'since the op her wound smells and she is shivering',
      spans: ['wound smells'],
    },
    { text: "His sugar's at 31 and he's being sick", spans: ["sugar's at 31"] },
    {
      text: 'Her fingers have gone white and icy since they put the plaster on',
      spans: ['fingers have gone white'],
    },
    {
      text: 'an old man is slumped on the pavement outside the clinic and no one is stopping',
      spans: ['an old man is slumped on the pavement'],
    },
    {
      text: "I'm 33 weeks and bleeding heavily, can't get through to triage",
      spans: ['bleeding heavily'],
    },
  ],
});
