/**
 * Every job type the worker runs, in one map: a capability adds its handlers here.
 */
import type { JobHandlers } from './worker.js';

export const jobHandlers: JobHandlers = {};
