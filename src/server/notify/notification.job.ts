/** `notification.send`: send one queued notification; the worker retries failures with backoff. */
import { NOTIFICATION_JOB, sendNotification } from '../services/notify.service.js';
import type { JobHandler } from '../jobs/worker.js';

export { NOTIFICATION_JOB };

export const notificationJob: JobHandler = {
  perform: sendNotification,
  leaseMs: 45_000,
};
