import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { fieldError } from '../field-error.ts';

/** The longest message the server takes (packages/contracts), counted down under the field. */
export const messageMaxLength = 5000;

export interface MessageFieldProps {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong, said under the field. */
  error: string | undefined;
  /** The id of a hint the field is described by. */
  describedBy?: string;
}

/** The text of a message or an answer, in both apps: the design system's textarea with its character counter. */
export function MessageField({ id, label, rows, value, onChange, error, describedBy }: MessageFieldProps) {
  return (
    <Textarea
      textareaId={id}
      label={label}
      minRows={rows}
      maxCharacters={messageMaxLength}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...fieldError(error, `${id}-error`)}
      aria-describedby={describedBy}
    />
  );
}
