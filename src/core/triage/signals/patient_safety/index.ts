/** Signals for the `patient_safety` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './patient_safety.model.js';
import distress from './patient_safety.distress.js';
import emergency from './patient_safety.emergency.js';
import episodeOver from './patient_safety.episode_over.js';
import hazard from './patient_safety.hazard.js';
import infectionControl from './patient_safety.infection_control.js';
import medicationError from './patient_safety.medication_error.js';
import missingPatient from './patient_safety.missing_patient.js';
import neglect from './patient_safety.neglect.js';
import notActedOn from './patient_safety.not_acted_on.js';
import plea from './patient_safety.plea.js';
import safeguarding from './patient_safety.safeguarding.js';
import selfHarm from './patient_safety.self_harm.js';

export const signals: readonly Signal[] = [
  selfHarm,
  emergency,
  neglect,
  medicationError,
  safeguarding,
  missingPatient,
  infectionControl,
  hazard,
  distress,
  notActedOn,
  plea,
  episodeOver,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
