/**
 * `connection.poll`: poll one connection, then schedule the next poll. A poll that fails with a
 * retryable error is retried by the worker with backoff; one that needs a person (reconnect) stops
 * until the account is reconnected (connecting enqueues a fresh poll).
 */
import { ConnectorError } from '../../connectors/contract.js';
import { ConnectionsService } from '../services/connections.service.js';
import type { JobHandler } from './worker.js';

export const pollJob: JobHandler = {
  leaseMs: 60_000,
  async perform(desk, job) {
    const { connectionId } = job.payload as { connectionId: number };
    const service = new ConnectionsService(desk);
    try {
      await service.poll(connectionId);
    } catch (error) {
      if (error instanceof ConnectorError && !error.retryable) return;
      throw error;
    }
    const connection = await desk.store.connections.byId(connectionId);
    if (!connection) return;
    const next = new Date(desk.clock.now().getTime() + connection.pollMinutes * 60_000);
    await desk.store.jobs.enqueue(
      {
        organisationId: job.organisationId,
        type: 'connection.poll',
        payload: { connectionId },
        runAt: next,
        uniqueKey: `poll:${connectionId}:${next.toISOString()}`,
      },
      desk.clock.now(),
    );
  },
};
