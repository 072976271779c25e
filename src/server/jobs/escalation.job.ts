/** `escalation.next`: nobody acknowledged an on-call escalation in time — call the next level. */
import { EscalationService, ESCALATION_JOB } from '../services/escalation.service.js';
import type { JobHandler } from './worker.js';

export { ESCALATION_JOB };

export const escalationJob: JobHandler = {
  perform: (desk, job) => new EscalationService(desk).next(job),
};
