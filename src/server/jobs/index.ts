/**
 * Every job type the worker runs, in one map: a capability adds its handlers here.
 */
import { pollJob } from './poll.job.js';
import { PUBLISH_JOB, publishJob } from './publish.job.js';
import type { JobHandlers } from './worker.js';

export const jobHandlers: JobHandlers = {
  'connection.poll': pollJob,
  [PUBLISH_JOB]: publishJob,
};
