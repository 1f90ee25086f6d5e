import { describe, expect, test } from 'vitest';
import { checkConfiguredReplyModes, regionRules, replyModeFor, replyModeRules, replyRuleFor } from './region-rules.ts';

describe('Region rule table', () => {
  test('Helse Sør-Øst answers by the reply button on the letter, with "cannot attend" only', () => {
    const rule = replyRuleFor('helse-sor-ost');
    expect(rule).toMatchObject({ mode: 'reply-button', letterReplyButton: true, dialogueInAppointments: false });
    expect(rule.reasons).toEqual(['cannot-attend']);
  });

  test.each(['helse-vest', 'helse-nord'])('%s has no button on the letter and the four dialogue functions in Timeavtaler', (region) => {
    const rule = replyRuleFor(region);
    expect(rule).toMatchObject({ mode: 'dialogue', letterReplyButton: false, dialogueInAppointments: true });
    expect(rule.reasons).toEqual(['confirm', 'question', 'request-change', 'request-end-of-treatment']);
    expect(rule.textRequiredFor).toEqual(['question']);
  });

  test('Helse Midt-Norge and senders outside the regions follow configuration', () => {
    expect(replyModeFor('helse-midt')).toBe(regionRules['helse-midt'].mode);
    expect(replyModeFor('helse-midt', { 'helse-midt': 'dialogue' })).toBe('dialogue');
    expect(replyModeFor(null)).toBe('none');
    expect(replyModeFor(null, { other: 'reply-button' })).toBe('reply-button');
    expect(replyModeFor('an-unknown-region', { other: 'dialogue' })).toBe('dialogue');
  });

  test('configuration cannot change the three regions the product fixes', () => {
    expect(replyModeFor('helse-vest', { 'helse-vest': 'none' })).toBe('dialogue');
    expect(checkConfiguredReplyModes({ 'helse-vest': 'none' })).toEqual(['the reply mode of helse-vest is fixed (dialogue)']);
    expect(checkConfiguredReplyModes({ 'helse-midt': 'dialogue', other: 'none' })).toEqual([]);
    expect(checkConfiguredReplyModes({ 'helse-midt': 'fax' })[0]).toContain('unknown reply mode "fax"');
    expect(checkConfiguredReplyModes({ 'helse-sorost': 'none' })[0]).toContain('unknown region');
  });

  test('a mode without replies offers nothing anywhere', () => {
    expect(replyModeRules.none).toEqual({ letterReplyButton: false, dialogueInAppointments: false, reasons: [], textRequiredFor: [] });
  });
});
