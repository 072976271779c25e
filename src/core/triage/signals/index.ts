/** Every triage signal, grouped by label (one folder per label). */
import type { Signal } from '../signal.js';
import { signals as praise } from './praise/index.js';
import { signals as negativeFeedback } from './negative_feedback/index.js';
import { signals as complaint } from './complaint/index.js';
import { signals as patientSafety } from './patient_safety/index.js';
import { signals as foiRequest } from './foi_request/index.js';
import { signals as mediaEnquiry } from './media_enquiry/index.js';
import { signals as medicalQuestion } from './medical_question/index.js';
import { signals as legalMatter } from './legal_matter/index.js';
import { signals as abuse } from './abuse/index.js';
import { signals as personalData } from './personal_data/index.js';
import { signals as serviceQuestion } from './service_question/index.js';
import { signals as misinformation } from './misinformation/index.js';
import { signals as spam } from './spam/index.js';

/** All signals the triage engine runs. */
export const signals: readonly Signal[] = [
  ...praise,
  ...negativeFeedback,
  ...complaint,
  ...patientSafety,
  ...foiRequest,
  ...mediaEnquiry,
  ...medicalQuestion,
  ...legalMatter,
  ...abuse,
  ...personalData,
  ...serviceQuestion,
  ...misinformation,
  ...spam,
];
