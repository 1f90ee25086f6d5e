import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useMessages } from '../../../i18n/use-messages.ts';
import { formatWhenWithTime } from '@innboks/web-base/dates';
import { isApiError } from '../../../lib/http.ts';
import { inboxReturn } from '../../../lib/navigation-state.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { useLetter } from '../api/get-letter.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { LetterActions } from './LetterActions.tsx';
import { LetterNotFound } from './LetterNotFound.tsx';
import { ThreadMessage } from './ThreadMessage.tsx';
import styles from './LetterPage.module.scss';

/** One letter and its thread. Opening it marks it read. `aside` goes beside the text (an appointment letter's appointment). */
export function LetterPage({ aside }: { aside?: ReactNode } = {}) {
  const { m, locale } = useMessages();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const letter = useLetter(id);
  const back = inboxReturn(location.state);

  const notFound = letter.isError && (isApiError(letter.error, 404) || isApiError(letter.error, 400));
  useDocumentTitle(notFound ? m.letter.notFoundTitle : m.letter.pageTitle, m.app.titleSuffix);

  if (letter.isPending) return <PageLoader />;
  if (notFound) return <LetterNotFound backLink={<BackLink to={back.to} state={back.state}>{m.letter.back}</BackLink>} />;
  if (letter.isError) {
    return (
      <div className={styles.page}>
        <BackLink to={back.to} state={back.state}>{m.letter.back}</BackLink>
        <Title htmlMarkup="h1" appearance="title2">
          {m.letter.pageTitle}
        </Title>
        <ErrorNotice message={m.letter.loadFailed} onRetry={() => void letter.refetch()} />
      </div>
    );
  }

  const { data } = letter;
  const messages = [...data.messages].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  const startedByCitizen = messages[0]?.direction === 'from-citizen';

  return (
    <div className={aside ? styles.pageWithAside : styles.page}>
      <BackLink to={back.to} state={back.state}>{m.letter.back}</BackLink>
      <Title htmlMarkup="h1" appearance="title2" margin={{ marginTop: 1.5, marginBottom: 0.75 }}>
        {data.subject}
      </Title>
      {(data.important || data.archived) && (
        <p className={styles.tags}>
          {data.important && <StatusTag tone="important">{m.letter.important}</StatusTag>}
          {data.archived && <StatusTag>{m.letter.archived}</StatusTag>}
        </p>
      )}
      <dl className={styles.facts}>
        <div>
          <dt>{startedByCitizen ? m.letter.to : m.letter.from}</dt>
          <dd>
            {data.senderName}
            {startedByCitizen && <> <StatusTag>{m.letter.startedByYou}</StatusTag></>}
          </dd>
        </div>
        <div>
          <dt>{m.letter.sent}</dt>
          <dd>
            <time dateTime={data.sentAt}>{formatWhenWithTime(data.sentAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.letter.category}</dt>
          <dd>{m.categories[data.category]}</dd>
        </div>
      </dl>

      <LetterActions letterId={data.id} archived={data.archived} onMarkedUnread={() => void navigate(back.to, { state: back.state })} />

      <div className={aside ? styles.columns : undefined}>
        <ol className={styles.thread} aria-label={m.letter.messagesHeading}>
          {messages.map((message) => (
            <li key={message.id}>
              <ThreadMessage message={message} />
            </li>
          ))}
        </ol>
        {aside && <div className={styles.aside}>{aside}</div>}
      </div>
      {data.answerable && <AnswerForm letterId={data.id} />}
    </div>
  );
}
