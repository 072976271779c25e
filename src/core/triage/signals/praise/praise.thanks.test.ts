import signal from './praise.thanks.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Hi, could you tell me how much the trust spent on agency nurses in 2023/24? Thanks',
      name: 'a sign-off after a request',
    },
    {
      text: 'thanks in advance, what time does the pharmacy open on sunday?',
      name: 'thanks in advance',
    },
    { text: 'thank u, when do the results usually come back?', name: 'thanks inside a question' },
    { text: 'Thanks for nothing. 3 hours waiting and sent home', name: 'sarcasm' },
    {
      text: "Brilliant!! Nothing says 'we care' like cancelling my op 😒 thanks so much",
      name: 'sarcastic thanks',
    },
    { text: "I'd be grateful if you could send me the minutes", name: 'politeness in a request' },
    {
      text: "Thanks for the reply, but it doesn't answer my question. When is the clinic reopening?",
      name: 'thanks as a preface to a grievance',
    },
    { text: 'My op was cancelled thanks to the strikes', name: 'thanks to a cause of grievance' },
    {
      text: "All these 'thank you NHS' posts and yet nobody can get seen",
      name: 'thanks in single quotation marks',
    },
  ],
  invalid: [
    {
      text: 'Massive thank you to the midwives on the delivery suite last night',
      spans: ['thank you'],
    },
    {
      text: "Thank you for the quick reply yesterday, PALS sorted my mum's transport in a day",
      spans: ['Thank you'],
    },
    { text: 'Cheers for the update on the strike days, really helpful', spans: ['Cheers for'] },
    {
      text: 'Shout out to Ward 10 who have been absolutely killing it this week',
      spans: ['Shout out'],
    },
    { text: 'Hats off to the ambulance crew who came to my dad last night', spans: ['Hats off'] },
    {
      text: 'So grateful for the midwife who stayed past the end of her shift',
      spans: ['So grateful'],
    },
    { text: 'big up the paramedics who came out to my grandad last nite', spans: ['big up'] },
    {
      text: 'Quick one - is the cafe open late? Also massive thanks to the oncology nurses for looking after my wife',
      name: 'thanks beside a question',
    },
  ],
});
