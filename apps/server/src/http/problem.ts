/**
 * Web API errors as RFC 9457 problem details. Routes and plugins throw `HttpProblem`;
 * the error handler (error-handler.ts) turns it (and validation errors) into
 * `application/problem+json` that names the field, in the request's language
 * (language/request-language.ts).
 *
 * Say a problem by its key in the catalogue (`problem(status, key)`, `problems.*`, a
 * field's `{ field, says }`): every language gets its words (problem-text/). A problem
 * made with words (`new HttpProblem(status, title, detail)`, a field's `{ field, message }`)
 * is answered with those words in every language: Bokmål, until its words get a key.
 */
import type { Language } from '@innboks/core';
import { fieldText, problemText, type FieldMessageKey, type ProblemKey, type TextParams } from './problem-text/problem-text.ts';

export type { FieldMessageKey, ProblemKey };

/** A field's problem as answered, and as said with words. */
export interface FieldError {
  field: string;
  message: string;
}

/** A field's problem by its key in the catalogue: written in the request's language. */
export interface FieldProblem {
  field: string;
  says: FieldMessageKey;
  params?: TextParams;
}

export type FieldFault = FieldError | FieldProblem;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface ProblemOptions {
  params?: TextParams;
  errors?: FieldFault[];
  headers?: Record<string, string>;
  /** A `type` the web app tells the problem apart by (contracts); default `about:blank`. */
  type?: string;
  /** Words for developers (a framework's refusal), the same in every language, in place of the catalogue's detail. */
  detail?: string;
}

export class HttpProblem extends Error {
  private said: { key: ProblemKey; params: TextParams | undefined; type: string; detail: string | undefined } | undefined;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldFault[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  /** A problem by its key; `title` and `detail` hold the Bokmål words, the answer the request's language. */
  static of(status: number, key: ProblemKey, options: ProblemOptions = {}): HttpProblem {
    const bokmal = problemText('nb', key, options.params);
    const made = new HttpProblem(status, bokmal.title, options.detail ?? bokmal.detail ?? listed(options.errors, 'nb'), options.errors, options.headers);
    made.said = { key, params: options.params, type: options.type ?? 'about:blank', detail: options.detail };
    return made;
  }

  /** The answer's body in `language`. A problem without a detail of its own lists its fields' problems as the detail. */
  render(language: Language, instance?: string): ProblemBody {
    const text = this.said ? problemText(language, this.said.key, this.said.params) : { title: this.title, detail: this.detail };
    const errors = this.errors?.map((fault) => ({ field: fault.field, message: messageOf(fault, language) }));
    const detail = this.said ? (this.said.detail ?? text.detail ?? listed(this.errors, language)) : text.detail;
    return {
      type: this.said?.type ?? 'about:blank',
      title: text.title,
      status: this.status,
      ...(detail ? { detail } : {}),
      ...(instance ? { instance } : {}),
      ...(errors ? { errors } : {}),
    };
  }

  toJSON(instance?: string): ProblemBody {
    return this.render('nb', instance);
  }
}

function messageOf(fault: FieldFault, language: Language): string {
  return 'says' in fault ? fieldText(language, fault.says, fault.params) : fault.message;
}

function listed(errors: FieldFault[] | undefined, language: Language): string | undefined {
  return errors?.length ? errors.map((fault) => `${fault.field}: ${messageOf(fault, language)}`).join('; ') : undefined;
}

/** A problem by its key (the catalogue: problem-text/nb.ts). */
export function problem(status: number, key: ProblemKey, options: ProblemOptions = {}): HttpProblem {
  return HttpProblem.of(status, key, options);
}

export const problems = {
  unauthenticated: () => problem(401, 'unauthenticated'),
  notFound: () => problem(404, 'notFound'),
  csrf: () => problem(403, 'csrf'),
  /** 400 naming each field; a field said with words keeps them. */
  badRequest: (errors: FieldFault[]) => problem(400, 'invalidRequest', { errors }),
};
