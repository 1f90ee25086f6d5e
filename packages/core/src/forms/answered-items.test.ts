import { describe, expect, test } from 'vitest';
import { answeredLines } from './answered-items.ts';

const questionnaire = [
  { linkId: 'intro', type: 'display', text: 'Les dette først' },
  { linkId: 'smoke', type: 'boolean', text: 'Røyker du?' },
  { linkId: 'weight', type: 'decimal', text: 'Vekt' },
  { linkId: 'skipped', type: 'string', text: 'Kommentar' },
  {
    linkId: 'child',
    type: 'group',
    text: 'Barn',
    item: [
      { linkId: 'child-name', type: 'string', text: 'Navn' },
      { linkId: 'child-born', type: 'date', text: 'Født' },
    ],
  },
  { linkId: 'mood', type: 'choice', text: 'Hvordan har du det?' },
];

describe('The answers a receipt shows', () => {
  test('each answered question in the form’s order, with its answers as text', () => {
    const lines = answeredLines(questionnaire, [
      { linkId: 'mood', answer: [{ valueCoding: { code: 'good', display: 'Godt' } }] },
      { linkId: 'smoke', answer: [{ valueBoolean: false }] },
      { linkId: 'weight', answer: [{ valueDecimal: 72.5 }] },
    ]);
    expect(lines).toEqual([
      { depth: 0, text: 'Røyker du?', answers: ['Nei'] },
      { depth: 0, text: 'Vekt', answers: ['72,5'] },
      { depth: 0, text: 'Hvordan har du det?', answers: ['Godt'] },
    ]);
  });

  test('a repeated group shows once for each time it was filled in, under its heading', () => {
    const lines = answeredLines(questionnaire, [
      { linkId: 'child', item: [{ linkId: 'child-name', answer: [{ valueString: 'Åse' }] }] },
      { linkId: 'child', item: [{ linkId: 'child-name', answer: [{ valueString: 'Øyvind' }] }, { linkId: 'child-born', answer: [{ valueDate: '2019-04-02' }] }] },
    ]);
    expect(lines).toEqual([
      { depth: 0, text: 'Barn', answers: [] },
      { depth: 1, text: 'Navn', answers: ['Åse'] },
      { depth: 0, text: 'Barn', answers: [] },
      { depth: 1, text: 'Navn', answers: ['Øyvind'] },
      { depth: 1, text: 'Født', answers: ['2019-04-02'] },
    ]);
  });

  test('an unanswered form shows no lines', () => {
    expect(answeredLines(questionnaire, [])).toEqual([]);
  });
});
