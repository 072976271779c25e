/** `acknowledgement.dm`: acknowledge a DM conversation once (INB-3). */
import {
  AcknowledgementService,
  ACKNOWLEDGEMENT_JOB,
} from '../services/acknowledgement.service.js';
import type { JobHandler } from './worker.js';

export { ACKNOWLEDGEMENT_JOB };

export const acknowledgementJob: JobHandler = {
  perform: (desk, job) => new AcknowledgementService(desk).perform(job),
};
