/**
 * A triage thread (see triage-pool.ts): judges items with the profile it is sent, exactly as
 * ItemsService does inline, and returns the fields stored with each item.
 */
import { parentPort } from 'node:worker_threads';
import { assessItem } from '../../core/inbox/assess.js';
import { profileCalendar } from '../../core/triage/clock.js';
import { createTriage, type Triage } from '../../core/triage/engine.js';
import type { WorkingCalendar } from '../../core/sla/calendar.js';
import type { TriagedFields, TriageTask, WorkerReply } from './triage-pool.js';
import { triageRecord } from './items.service.js';

const compiled = new Map<string, { triage: Triage; calendar: WorkingCalendar }>();

function engineFor(task: TriageTask) {
  let hit = compiled.get(task.profileKey);
  if (!hit) {
    if (compiled.size >= 32) compiled.clear();
    hit = { triage: createTriage(task.profile), calendar: profileCalendar(task.profile) };
    compiled.set(task.profileKey, hit);
  }
  return hit;
}

const port = parentPort;
if (!port) throw new Error('triage-worker.ts runs as a worker thread only');

port.on('message', ({ id, task }: { id: number; task: TriageTask }) => {
  let reply: WorkerReply;
  try {
    const { triage, calendar } = engineFor(task);
    const rows: TriagedFields[] = task.items.map((item) => {
      const a = assessItem(item.inbound, item.receivedAt, triage, calendar);
      return {
        labels: a.result.labels,
        urgent: a.result.urgent,
        routes: a.result.routes,
        sentiment: a.result.sentiment,
        triage: {
          ...triageRecord(a),
          ...(item.permalink ? { permalink: item.permalink } : {}),
        },
        dueAt: a.clock.dueAt,
      };
    });
    reply = { type: 'done', id, rows };
  } catch (error) {
    reply = { type: 'failed', id, message: (error as Error).message };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
