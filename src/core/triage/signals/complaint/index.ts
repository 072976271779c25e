/** Signals for the `complaint` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';

export const signals: readonly Signal[] = [];
