import { Navigate } from 'react-router';
import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useDocumentTitle } from '@innboks/web-base/use-document-title';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useServices } from '../api/workspace.ts';
import { useSession } from '../../session/api/get-session.ts';

/** `/ansatt/`: straight to the first service's shared inbox, or says there is none. */
export function HomeRoute() {
  const { m } = useMessages();
  useDocumentTitle(m.services.heading, m.titleSuffix);
  const services = useServices();
  const operator = useSession().data?.staff.operator ?? false;
  if (services.isPending) return <PageLoader />;
  if (services.isError) return <ErrorNotice message={m.genericError} onRetry={() => void services.refetch()} />;
  const first = services.data.services[0];
  if (first) return <Navigate to={`/tjenester/${first.id}`} replace />;
  // An operator works in no service: their start is the operator's screen.
  if (operator) return <Navigate to="/drift" replace />;
  return (
    <>
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
        {m.services.heading}
      </Title>
      <p>{m.services.none}</p>
    </>
  );
}
