/**
 * The design system's error props of a form field (Input, Textarea) from one message:
 * the red state, the text, and the id the field points to with `aria-describedby`.
 */
export function fieldError(message: string | undefined, id: string): { error: boolean; errorText: string | undefined; errorTextId: string } {
  return { error: message !== undefined, errorText: message, errorTextId: id };
}
