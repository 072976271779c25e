/**
 * Every job type the worker runs, in one map: a capability adds its handlers here.
 */
import { ACKNOWLEDGEMENT_JOB, acknowledgementJob } from './acknowledgement.job.js';
import { ESCALATION_JOB, escalationJob } from './escalation.job.js';
import { pollJob } from './poll.job.js';
import { PUBLISH_JOB, publishJob } from './publish.job.js';
import { SLA_DUE_JOB, SLA_SWEEP_JOB, slaDueJob, slaSweepJob } from './sla.job.js';
import type { JobHandlers } from './worker.js';
import { NOTIFICATION_JOB, notificationJob } from '../notify/notification.job.js';

export const jobHandlers: JobHandlers = {
  'connection.poll': pollJob,
  [PUBLISH_JOB]: publishJob,
  [ESCALATION_JOB]: escalationJob,
  [SLA_DUE_JOB]: slaDueJob,
  [SLA_SWEEP_JOB]: slaSweepJob,
  [ACKNOWLEDGEMENT_JOB]: acknowledgementJob,
  [NOTIFICATION_JOB]: notificationJob,
};
