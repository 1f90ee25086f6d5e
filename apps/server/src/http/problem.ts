/**
 * Web API errors as RFC 9457 problem details. Routes and plugins throw `HttpProblem`;
 * the error handler in app.ts turns it (and validation errors) into
 * `application/problem+json` that names the field.
 */
export interface FieldError {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  toJSON(instance?: string) {
    return {
      type: `about:blank`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  unauthenticated: () => new HttpProblem(401, 'Ikke innlogget', 'Logg inn for å fortsette.'),
  notFound: () => new HttpProblem(404, 'Fant ikke', 'Finnes ikke, eller du har ikke tilgang.'),
  csrf: () => new HttpProblem(403, 'Ugyldig forespørsel', 'Mangler eller feil X-CSRF-Token.'),
  badRequest: (errors: FieldError[]) =>
    new HttpProblem(400, 'Ugyldig forespørsel', errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors),
};
