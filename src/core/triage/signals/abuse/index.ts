/** Signals for the `abuse` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import hate from './abuse.hate.js';
import insult from './abuse.insult.js';
import profanity from './abuse.profanity.js';
import threat from './abuse.threat.js';

export const signals: readonly Signal[] = [threat, hate, insult, profanity];
