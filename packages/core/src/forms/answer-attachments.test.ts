import { describe, expect, test } from 'vitest';
import { answerAttachmentProblems } from './answer-attachments.ts';

const base64 = (text: string) => btoa(text);
const png = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0));

describe('Files attached to answers are checked like letters’ attachments', () => {
  test('a PNG that is a PNG passes', () => {
    expect(answerAttachmentProblems([{ linkId: 'photo', answer: [{ valueAttachment: { contentType: 'image/png', data: png } }] }])).toEqual([]);
  });

  test('a web page called a PNG is refused, naming the answer inside its group', () => {
    const problems = answerAttachmentProblems([
      { linkId: 'about' },
      { linkId: 'group', item: [{ linkId: 'photo', answer: [{ valueAttachment: { contentType: 'image/png', data: base64('<html>hi</html>') } }] }] },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('items[1].item[0].answer[0].valueAttachment');
  });

  test('a Word document is refused by its type', () => {
    const problems = answerAttachmentProblems([{ linkId: 'doc', answer: [{ valueAttachment: { contentType: 'application/msword', data: base64('x') } }] }]);
    expect(problems.map((problem) => problem.field)).toEqual(['items[0].answer[0].valueAttachment']);
  });
});
