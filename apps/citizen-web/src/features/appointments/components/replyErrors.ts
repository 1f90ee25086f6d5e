import { appointmentProblemTypes } from '@innboks/contracts';
import type { Messages } from '../../../i18n/nb.ts';
import { isApiError } from '../../../lib/http.ts';

/** The citizen's words for a reply the server refused or could not take. */
export function replyErrorText(error: unknown, a: Messages['appointments']): string {
  if (isApiError(error, 409)) {
    if (error.problem?.type === appointmentProblemTypes.started) return a.refusedStarted;
    if (error.problem?.type === appointmentProblemTypes.cancelled) return a.refusedCancelled;
    if (error.problem?.type === appointmentProblemTypes.alreadyAnswered) return a.refusedAlreadySent;
  }
  return a.sendFailed;
}
