/** Signals for the `personal_data` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import address from './personal_data.address.js';
import contact from './personal_data.contact.js';
import dob from './personal_data.dob.js';
import namedPatient from './personal_data.named_patient.js';
import nhsNumber from './personal_data.nhs_number.js';
import recordNumber from './personal_data.record_number.js';

export const signals: readonly Signal[] = [
  nhsNumber,
  contact,
  address,
  dob,
  recordNumber,
  namedPatient,
];
