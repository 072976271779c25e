/**
 * Set-up shared by the connector tests that drive a connector against a fake platform server:
 * the connector's dependencies, the fake's lifetime, and catching the ConnectorError a call throws.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ConnectorError, type ConnectorDeps } from '../../src/connectors/contract.js';

/** What a fake started for a test file must offer: its request log, its queued failures, close. */
export interface SharedFake {
  requests: unknown[];
  failNext: unknown[];
  close(): Promise<void>;
}

/** Starts one fake for the whole file, closes it after, and clears its request log and queued failures before each test. */
export function sharedFake(start: () => Promise<SharedFake>): void {
  let fake: SharedFake;
  beforeAll(async () => {
    fake = await start();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.failNext.length = 0;
  });
}

/** Starts a fresh fake before each test (`start` also seeds it) and closes it after the test. */
export function freshFake(start: () => Promise<{ close(): Promise<void> }>): void {
  let fake: { close(): Promise<void> };
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });
}

/** Connector dependencies for a test: real fetch to the fake, a fixed clock, sleeps recorded instead of waited, random fixed at 0.5. */
export function fakeDeps(options: {
  account: string;
  baseUrl: string;
  credentials: Record<string, unknown>;
  now: () => Date;
  sleeps: number[];
}): ConnectorDeps {
  const { account, baseUrl, credentials, now, sleeps } = options;
  return {
    account,
    baseUrl,
    credentials,
    fetch,
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  };
}

/** Lets a request the client already gave up on reach the fake before the next test queues failures. */
export async function drained(queue: unknown[]): Promise<void> {
  for (let i = 0; i < 100 && queue.length > 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  queue.length = 0;
}

/** The ConnectorError a call rejects with; the test fails if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('expected a ConnectorError');
}
