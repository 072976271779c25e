/**
 * The webhook crash test at CI size (issue 6): signed deliveries to a real `commsdesk serve`
 * child killed with SIGKILL at random moments; the sender retries what was not acknowledged and
 * re-sends some acknowledged deliveries as platforms do. Full size: `npm run chaos:webhooks`.
 */
import { describe, expect, it } from 'vitest';
import { runWebhookChaos } from '../../bench/chaos-webhooks.js';

describe('webhook crash test', () => {
  it('[INB-1] SIGKILLs during webhook deliveries lose no acknowledged delivery and duplicate none', async () => {
    const report = await runWebhookChaos({
      deliveries: 1_000,
      kills: 3,
      senders: 12,
      log: () => {},
    });
    expect(report.kills).toBe(3);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.acknowledged).toBe(1_000);
    expect(report.stored).toBe(1_000);
    expect(report.auditOk).toBe(true);
  }, 300_000);
});
