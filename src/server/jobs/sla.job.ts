/**
 * `sla.due`: an item reached its due time — raise a breach if it is still unanswered.
 * `sla.sweep`: overdue consultations and FOI deadline reminders, every 15 minutes.
 */
import { SlaService, SLA_DUE_JOB, SLA_SWEEP_JOB } from '../services/sla.service.js';
import type { JobHandler } from './worker.js';

export { SLA_DUE_JOB, SLA_SWEEP_JOB };

export const slaDueJob: JobHandler = {
  perform: (desk, job) => new SlaService(desk).checkDue(job),
};

export const slaSweepJob: JobHandler = {
  perform: (desk, job) => new SlaService(desk).sweep(job),
};
