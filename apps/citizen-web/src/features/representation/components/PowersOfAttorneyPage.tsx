import { useState } from 'react';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Title from '@helsenorge/designsystem-react/components/Title';
import { formatFullDay } from '@innboks/web-base/dates';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import type { Representation } from '@innboks/contracts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { SubPage } from '../../../components/SubPage.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useEndPowerOfAttorney, useRepresentation } from '../api/representation.ts';
import { GivePowerOfAttorneyForm } from './GivePowerOfAttorneyForm.tsx';
import styles from './Representation.module.scss';

/** Giving and ending powers of attorney: the citizen's own, so not while acting for someone else. */
export function PowersOfAttorneyPage() {
  const { m } = useMessages();
  useDocumentTitle(m.representation.powersTitle, m.app.titleSuffix);
  const representation = useRepresentation();
  const data = representation.data;

  return (
    <SubPage heading={m.representation.powersHeading}>
      <p>{m.representation.powersLead}</p>
      {representation.isPending && <PageLoader />}
      {representation.isError && <ErrorNotice message={m.representation.loadFailed} onRetry={() => void representation.refetch()} />}
      {data && data.actingFor !== null && <NotificationPanel variant="info">{m.representation.powersOwnOnly}</NotificationPanel>}
      {data && data.actingFor === null && <PowersOfAttorney representation={data} />}
    </SubPage>
  );
}

function PowersOfAttorney({ representation }: { representation: Representation }) {
  const { m, locale } = useMessages();
  const end = useEndPowerOfAttorney();
  const [endedNotice, setEndedNotice] = useState(false);
  const endPower = (id: string) => {
    setEndedNotice(false);
    end.mutate(id, { onSuccess: () => setEndedNotice(true) });
  };
  const day = (iso: string) => formatFullDay(iso.slice(0, 10), locale);
  const held = representation.candidates.filter((candidate) => candidate.relation === 'FU');

  return (
    <>
      <GivePowerOfAttorneyForm />
      <Title htmlMarkup="h2" appearance="title3">
        {m.representation.givenHeading}
      </Title>
      {representation.powersGiven.length === 0 && <p>{m.representation.noneGiven}</p>}
      <ul className={styles.powers} data-testid="powers-given">
        {representation.powersGiven.map((power) => (
          <li key={power.id}>
            <span>
              {format(m.representation.powerTo, { name: power.holderName, date: day(power.givenAt) })},{' '}
              {power.endedAt
                ? format(m.representation.endedOn, { date: day(power.endedAt) })
                : power.validUntil
                  ? format(m.representation.untilDate, { date: day(power.validUntil) })
                  : m.representation.openEnded}
            </span>
            {!power.endedAt && (
              <Button variant="outline" onClick={() => endPower(power.id)} disabled={end.isPending}>
                {format(m.representation.endTo, { name: power.holderName })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {held.length > 0 && (
        <>
          <Title htmlMarkup="h2" appearance="title3">
            {m.representation.heldHeading}
          </Title>
          <ul className={styles.powers}>
            {held.map((candidate) => (
              <li key={candidate.personId}>
                <span>
                  {format(m.representation.powerFrom, { name: candidate.name })}, {candidate.validUntil ? format(m.representation.untilDate, { date: day(candidate.validUntil) }) : m.representation.openEnded}
                </span>
                {candidate.powerId && (
                  <Button variant="outline" onClick={() => endPower(candidate.powerId!)} disabled={end.isPending}>
                    {format(m.representation.end, { name: candidate.name })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {endedNotice && <p role="status">{m.representation.ended}</p>}
      {end.isError && <ErrorNotice message={m.representation.actionFailed} />}
    </>
  );
}
