/**
 * The channel adapters with each hand-off counted by channel and outcome. Wrapped at
 * the port, so every channel — stand-in or the real service — is counted the same way
 * and the jobs stay as they are.
 */
import { isChannelError } from '@innboks/core';
import type { DeliveryAdapters } from '../delivery/adapters.ts';
import type { ChannelOutcome, Metrics } from './metrics.ts';

type ChannelCounter = Pick<Metrics, 'channelCall'>;

function counted<A extends unknown[], R>(metrics: ChannelCounter, channel: string, call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      const result = await call(...args);
      metrics.channelCall(channel, 'accepted');
      return result;
    } catch (error) {
      const outcome: ChannelOutcome = isChannelError(error) && error.failure === 'permanent' ? 'rejected' : 'failed';
      metrics.channelCall(channel, outcome);
      throw error;
    }
  };
}

export function countedChannels(adapters: DeliveryAdapters, metrics: ChannelCounter): DeliveryAdapters {
  const { sms, email, digitalMailbox, print } = adapters;
  return {
    ...adapters,
    sms: { send: counted(metrics, 'sms', sms.send.bind(sms)) },
    email: { send: counted(metrics, 'email', email.send.bind(email)) },
    digitalMailbox: { deliver: counted(metrics, 'digital-mailbox', digitalMailbox.deliver.bind(digitalMailbox)) },
    print: { submit: counted(metrics, 'paper', print.submit.bind(print)) },
  };
}
