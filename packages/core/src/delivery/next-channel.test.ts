import { describe, expect, test } from 'vitest';
import { afterFailedNotice, nextChannel, otherNoticeChannel, type FailedNoticeFacts } from './next-channel.ts';

describe('The next channel of a plan', () => {
  test('a failed first channel hands the letter to the second', () => {
    expect(nextChannel({ channels: ['inbox', 'digital-mailbox', 'paper'], step: 0 }, 'inbox')).toEqual({ action: 'start', index: 1, channel: 'digital-mailbox' });
  });

  test('the last channel failing leaves no channel to start', () => {
    expect(nextChannel({ channels: ['digital-mailbox', 'paper'], step: 1 }, 'paper')).toEqual({ action: 'none-left' });
  });

  test('a channel the letter has already moved past changes nothing, so a job run twice starts no second channel', () => {
    expect(nextChannel({ channels: ['inbox', 'paper'], step: 1 }, 'inbox')).toEqual({ action: 'stay' });
  });

  test('a channel that is not in the plan changes nothing', () => {
    expect(nextChannel({ channels: ['inbox', 'paper'], step: 0 }, 'digital-mailbox')).toEqual({ action: 'stay' });
  });
});

describe('After a notice failed', () => {
  const facts: FailedNoticeFacts = { failed: 'sms', otherAttempt: undefined, otherRecipient: 'kari@example.no', noticeChannels: ['sms', 'email'], reserved: false };

  test('a citizen with an e-mail address gets the notice by e-mail when the SMS failed', () => {
    expect(afterFailedNotice(facts)).toEqual({ action: 'notice', channel: 'email', recipient: 'kari@example.no' });
  });

  test('a citizen whose other notice is on its way is told by that one', () => {
    expect(afterFailedNotice({ ...facts, otherAttempt: 'sending' })).toEqual({ action: 'wait' });
    expect(afterFailedNotice({ ...facts, otherAttempt: 'delivered' })).toEqual({ action: 'wait' });
  });

  test('a letter whose other notice failed too goes on by its next delivery channel', () => {
    expect(afterFailedNotice({ ...facts, otherAttempt: 'failed' })).toEqual({ action: 'next-channel' });
  });

  test('a citizen without an address for the other channel cannot be told, so the letter goes on', () => {
    expect(afterFailedNotice({ ...facts, otherRecipient: null })).toEqual({ action: 'next-channel' });
  });

  test('a deployment that does not send the other channel moves the letter on', () => {
    expect(afterFailedNotice({ ...facts, noticeChannels: ['sms'] })).toEqual({ action: 'next-channel' });
  });

  test('a citizen reserved against digital contact gets no second notice', () => {
    expect(afterFailedNotice({ ...facts, reserved: true })).toEqual({ action: 'next-channel' });
  });

  test('the other notice channel of SMS is e-mail, and of e-mail SMS', () => {
    expect(otherNoticeChannel('sms')).toBe('email');
    expect(otherNoticeChannel('email')).toBe('sms');
  });
});
