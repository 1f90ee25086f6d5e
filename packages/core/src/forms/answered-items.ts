/**
 * The questions and answers of a submitted form as lines a person reads (the receipt
 * and its PDF): each question's text from the Questionnaire, in its order, with the
 * answers given; groups as headings; questions left unanswered are left out.
 */
export interface AnsweredLine {
  /** 0 for the form's own items, 1 inside a group, and so on. */
  depth: number;
  text: string;
  /** The answers as text; none for a group heading or a display text. */
  answers: string[];
}

type Item = { linkId?: unknown; text?: unknown; type?: unknown; item?: unknown; answer?: unknown };

export function answeredLines(questionnaireItems: unknown, responseItems: unknown): AnsweredLine[] {
  const lines: AnsweredLine[] = [];
  walk(asItems(questionnaireItems), asItems(responseItems), 0, lines);
  return lines;
}

function walk(questions: Item[], answered: Item[], depth: number, lines: AnsweredLine[]): void {
  for (const question of questions) {
    if (question.type === 'display') continue;
    const given = answered.filter((item) => item.linkId === question.linkId);
    const text = typeof question.text === 'string' ? question.text : String(question.linkId ?? '');
    if (question.type === 'group') {
      for (const repeat of given) {
        const before = lines.length;
        lines.push({ depth, text, answers: [] });
        walk(asItems(question.item), asItems(repeat.item), depth + 1, lines);
        if (lines.length === before + 1) lines.pop();
      }
      continue;
    }
    const answers = given.flatMap((item) => (Array.isArray(item.answer) ? item.answer : []));
    const shown = answers.map(answerText).filter((value): value is string => value !== undefined);
    if (shown.length > 0) lines.push({ depth, text, answers: shown });
    // Questions nested under an answer (FHIR allows it) follow their question.
    for (const answer of answers) walk(asItems(question.item), asItems((answer as Item).item), depth + 1, lines);
  }
}

function asItems(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter((item): item is Item => typeof item === 'object' && item !== null) : [];
}

function answerText(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const value = answer as Record<string, unknown>;
  if (typeof value.valueBoolean === 'boolean') return value.valueBoolean ? 'Ja' : 'Nei';
  for (const key of ['valueString', 'valueDate', 'valueDateTime', 'valueTime', 'valueUri']) {
    if (typeof value[key] === 'string') return value[key];
  }
  for (const key of ['valueDecimal', 'valueInteger']) {
    if (typeof value[key] === 'number') return String(value[key]).replace('.', ',');
  }
  const coding = value.valueCoding as Record<string, unknown> | undefined;
  if (coding) return String(coding.display ?? coding.code ?? '');
  const quantity = value.valueQuantity as Record<string, unknown> | undefined;
  if (quantity) return `${String(quantity.value ?? '').replace('.', ',')} ${String(quantity.unit ?? '')}`.trim();
  const attachment = value.valueAttachment as Record<string, unknown> | undefined;
  if (attachment) return `Vedlegg: ${String(attachment.title ?? 'uten navn')}`;
  return undefined;
}
