/** Signals for the `legal_matter` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import litigation from './legal_matter.litigation.js';
import representative from './legal_matter.representative.js';

export const signals: readonly Signal[] = [litigation, representative];
