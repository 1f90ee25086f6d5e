import { describe, expect, test } from 'vitest';
import { jobKinds } from '@innboks/db';
import type { DeliveryRuntime } from '../delivery/delivery-runtime.ts';
import { deliveryJobHandlers } from './delivery-jobs.ts';

describe('The job registry', () => {
  // The handlers only close over the runtime when made; none is run here.
  const handlers: Record<string, unknown> = deliveryJobHandlers({} as DeliveryRuntime);

  test('every kind of job in the registry has a handler', () => {
    expect(jobKinds.filter((kind) => typeof handlers[kind] !== 'function' && typeof (handlers[kind] as { batch?: unknown } | undefined)?.batch !== 'function')).toEqual([]);
  });

  test('the worker has no handler for a kind the registry does not know', () => {
    expect(Object.keys(handlers).filter((kind) => !(jobKinds as string[]).includes(kind))).toEqual([]);
  });
});
