/**
 * The crash test at CI size (issue 4, item 8): a real `commsdesk serve` child process killed with
 * SIGKILL at random moments while a connector-like client delivers and retries batches. The full
 * size is `npm run chaos` (100,000 items, 10 kills); figures in docs/benchmarks-desk.md.
 */
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../bench/chaos.js';

describe('crash test', () => {
  it('[INB-1] SIGKILLs during ingest lose no acknowledged item and duplicate none', async () => {
    const report = await runChaos({
      items: 3_000,
      kills: 3,
      batch: 300,
      clients: 3,
      log: () => {},
    });
    expect(report.kills).toBe(3);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.stored).toBe(3_000);
    expect(report.acknowledged).toBe(3_000);
    expect(report.searchOk).toBe(true);
    expect(report.auditOk).toBe(true);
    // About 30 s on an idle 2-core machine; far longer when the machine is shared.
  }, 600_000);
});
