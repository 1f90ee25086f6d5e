import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { messageTextMaxLength } from '@innboks/contracts';
import { fieldError } from '../field-error.ts';


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
      maxCharacters={messageTextMaxLength}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...fieldError(error, `${id}-error`)}
      aria-describedby={describedBy}
    />
  );
}
