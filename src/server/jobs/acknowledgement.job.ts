/** `acknowledgement.dm`: acknowledge a DM conversation once, through the platform (INB-3). */
import {
  AcknowledgementService,
  ACKNOWLEDGEMENT_JOB,
  type AcknowledgementOptions,
} from '../services/acknowledgement.service.js';
import type { JobHandler } from './worker.js';

export { ACKNOWLEDGEMENT_JOB };

export function createAcknowledgementJob(options: AcknowledgementOptions = {}): JobHandler {
  return {
    leaseMs: 30_000,
    perform: (desk, job) => new AcknowledgementService(desk, options).perform(job),
  };
}

/** The handler the worker runs. */
export const acknowledgementJob = createAcknowledgementJob();
