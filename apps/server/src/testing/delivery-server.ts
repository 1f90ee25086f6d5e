/**
 * A delivery rig (local SMS, SMTP, mailbox, print and register servers) and a test server
 * wired to it, for one describe block of a `*.db.test.ts`; the demo letters are delivered
 * before the tests start.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '@innboks/core';
import { startTestServer, type TestServer } from './test-server.ts';
import type { TestDatabaseKind } from './test-database.ts';
import { startDeliveryRig, type DeliveryRig } from './delivery-rig.ts';

export function useDeliveryServer(kind: TestDatabaseKind, clock: Clock, rigEnv: Record<string, string> = {}): { rig: () => DeliveryRig; server: () => TestServer } {
  let rig: DeliveryRig | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    rig = await startDeliveryRig(rigEnv);
    server = await startTestServer(kind, { clock, env: rig.env });
    await server.worker.drain(); // the demo letters
  });
  afterAll(async () => {
    await server?.close();
    await rig?.close();
  });
  return { rig: () => rig!, server: () => server! };
}
