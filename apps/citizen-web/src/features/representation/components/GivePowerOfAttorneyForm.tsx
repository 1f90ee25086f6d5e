import { useId, useState, type FormEvent } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Title from '@helsenorge/designsystem-react/components/Title';
import { fieldError } from '@innboks/web-base/field-error';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { isApiError } from '../../../lib/http.ts';
import { useGivePowerOfAttorney } from '../api/representation.ts';
import styles from './Representation.module.scss';

/** A national id and an optional last day; the server's refusals are shown at their field. */
export function GivePowerOfAttorneyForm() {
  const { m } = useMessages();
  const id = useId();
  const give = useGivePowerOfAttorney();
  const [holder, setHolder] = useState('');
  const [until, setUntil] = useState('');
  const [given, setGiven] = useState(false);
  const problem = isApiError(give.error) ? give.error.problem : undefined;
  const errorOf = (field: string) => problem?.errors?.find((error) => error.field === field)?.message;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setGiven(false);
    give.mutate(
      { holderNationalId: holder.trim(), validUntil: until.trim() || null },
      {
        onSuccess: () => {
          setGiven(true);
          setHolder('');
          setUntil('');
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className={styles.form} aria-labelledby={`${id}-heading`}>
      <Title id={`${id}-heading`} htmlMarkup="h2" appearance="title3">
        {m.representation.giveHeading}
      </Title>
      <Input
        inputId={`${id}-holder`}
        label={m.representation.holderLabel}
        inputMode="numeric"
        autoComplete="off"
        value={holder}
        onChange={(event) => setHolder(event.target.value)}
        {...fieldError(errorOf('holderNationalId'), `${id}-holder-error`)}
      />
      <Input
        inputId={`${id}-until`}
        label={m.representation.validUntilLabel}
        value={until}
        onChange={(event) => setUntil(event.target.value)}
        {...fieldError(errorOf('validUntil'), `${id}-until-error`)}
      />
      <div>
        <Button type="submit" disabled={give.isPending}>
          {give.isPending ? m.representation.giving : m.representation.give}
        </Button>
      </div>
      {given && <p role="status">{m.representation.given}</p>}
      {give.isError && !problem?.errors && <ErrorNotice message={m.representation.actionFailed} />}
    </form>
  );
}
