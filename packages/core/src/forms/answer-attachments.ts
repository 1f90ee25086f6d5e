/**
 * Files a citizen attaches to answers (JPEG, PNG, PDF) pass the same checks as a
 * letter's attachments: declared type, the bytes' own type, size, a PDF's structure.
 * Each problem names where it is in the answers (`items[2].item[0].answer[0]`).
 */
import { checkAttachment, describeAttachmentProblem, type AttachmentProblem } from '../letters/attachment-rules.ts';

export interface AnswerProblem {
  field: string;
  /** What is wrong, for the web API to word in the citizen's language. */
  problem: AttachmentProblem | { code: 'not-base64' };
  /** The same in English, for logs and developers. */
  message: string;
}

export function answerAttachmentProblems(items: unknown, path = 'items'): AnswerProblem[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) => {
    if (typeof item !== 'object' || item === null) return [];
    const at = `${path}[${index}]`;
    const { answer, item: nested } = item as { answer?: unknown; item?: unknown };
    const answers = Array.isArray(answer) ? answer : [];
    return [
      ...answers.flatMap((one, answerIndex) => [
        ...attachmentProblem(one, `${at}.answer[${answerIndex}]`),
        ...answerAttachmentProblems((one as { item?: unknown } | null)?.item, `${at}.answer[${answerIndex}].item`),
      ]),
      ...answerAttachmentProblems(nested, `${at}.item`),
    ];
  });
}

function attachmentProblem(answer: unknown, field: string): AnswerProblem[] {
  const attachment = (answer as { valueAttachment?: { contentType?: unknown; data?: unknown } } | null)?.valueAttachment;
  if (!attachment || attachment.data === undefined) return [];
  if (typeof attachment.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(attachment.data)) {
    return [{ field: `${field}.valueAttachment.data`, problem: { code: 'not-base64' }, message: 'The attachment must be base64' }];
  }
  const bytes = Uint8Array.from(atob(attachment.data), (char) => char.charCodeAt(0));
  const problem = checkAttachment(String(attachment.contentType ?? ''), bytes);
  return problem ? [{ field: `${field}.valueAttachment`, problem, message: describeAttachmentProblem(problem) }] : [];
}
