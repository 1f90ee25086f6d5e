import Title from '@helsenorge/designsystem-react/components/Title';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useRepresentationLog } from '../api/representation.ts';
import styles from './Representation.module.scss';

/** In "Logg over bruk", beside the staff reads: who acted for the citizen, how, and when. */
export function RepresentationLogSection() {
  const { m, locale } = useMessages();
  const log = useRepresentationLog();
  const actions: Record<string, string> = m.representation.actions;

  return (
    <section aria-labelledby="representation-log-heading">
      <Title id="representation-log-heading" htmlMarkup="h2" appearance="title3" margin={{ marginTop: 2, marginBottom: 0.5 }}>
        {m.representation.logHeading}
      </Title>
      <p>{m.representation.logLead}</p>
      {log.isError && <ErrorNotice message={m.representation.loadFailed} onRetry={() => void log.refetch()} />}
      {log.data?.entries.length === 0 && <p>{m.representation.logEmpty}</p>}
      {log.data && log.data.entries.length > 0 && (
        <ul className={styles.powers} data-testid="representation-log">
          {log.data.entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatWhenWithTime(entry.at, locale)}</time>
              <span>
                {format(m.representation.logEntry, {
                  name: entry.representativeName,
                  relation: m.representation.relation[entry.relation],
                  action: actions[entry.action] ?? entry.action,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
