import signal from './abuse.threat.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'if they cut the bus route someone is going to get killed walking along the bypass',
      name: 'accident warned of',
    },
    { text: "I'll kill for a coffee machine in outpatients", name: 'idiom' },
    { text: "I'll break the news to mum tonight", name: 'no one harmed' },
    {
      text: "I'm going to knock on your door tomorrow about my results",
      name: 'knocking is not a threat',
    },
    {
      text: 'A man was threatening staff with a knife and said "I\'ll kill you"',
      name: "reporting someone else's threat",
    },
    { text: "I'm not going to hurt anyone, I just want answers", name: 'negated' },
    {
      text: "Going to the papers AND my MP AND a lawyer. You've been warned",
      name: 'a warning of exposure, not violence',
    },
    {
      text: "Reading about the junior doctors' strike, hope they get what they deserve",
      name: 'support, not a wish of harm',
    },
    "We'll see you in court",
    'Killing it with the new online booking system',
  ],
  invalid: [
    {
      text: "I know where that consultant parks his car. Next time I see him I'll break his legs",
      spans: ['I know where that consultant parks', "I'll break his legs"],
      urgent: true,
    },
    {
      text: "I've got your ward manager's home address. Keep ignoring me and see what happens",
      spans: ["I've got your ward manager's home address"],
      urgent: true,
    },
    {
      text: "I know your name Sarah Jenkins and I'll find you",
      spans: ['I know your name', "I'll find you"],
      urgent: true,
    },
    {
      text: "Next time that doctor fobs my mum off I'll be waiting for him in the car park",
      spans: ["I'll be waiting for him in the car park"],
      urgent: true,
    },
    {
      text: 'someone should torch that surgery with the managers inside',
      spans: ['someone should torch'],
      urgent: true,
    },
    {
      text: "If they cancel my op again I swear I'll come down there and smash the place up",
      urgent: true,
      name: 'conditional threats still count',
    },
    {
      text: "I'm going to find out where that receptionist lives and pay her a visit",
      urgent: true,
    },
    {
      text: "I'll be outside the surgery at 6 when that doctor finishes. We'll see how brave he is then",
      urgent: true,
    },
    { text: "If I see that receptionist in town she's getting it", urgent: true },
    {
      text: 'your all a disgrace and so is that stuck up matron. watch your backs',
      spans: ['watch your backs'],
    },
    {
      text: 'Useless bunch. Hope the whole place burns down with the managers inside',
      spans: ['Hope the whole place burns'],
    },
    { text: 'Kill yourself you useless nurse', spans: ['Kill yourself'] },
    {
      text: 'Wish someone would run that chief exec over tbh',
      spans: ['Wish someone would run that chief exec over'],
    },
    { text: 'That receptionist wants a slap', spans: ['wants a slap'] },
    { text: "Shoot the whole lot of them, that'll sort it", spans: ['Shoot the whole lot'] },
    { text: 'u lot want stringing up', spans: ['want stringing up'] },
    {
      text: 'Gonna be round that surgery with my mates and a bat',
      urgent: true,
    },
    { text: "we're coming for that consultant, mark my words", urgent: true },
    {
      text: 'hope anyone who works in that office gets what they deserve and dies',
      spans: ['hope anyone who works in that office gets what they deserve and dies'],
    },
    { text: 'That nurse will be leaving in a body bag', urgent: true },
  ],
});
