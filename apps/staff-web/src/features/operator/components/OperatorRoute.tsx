import Title from '@helsenorge/designsystem-react/components/Title';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useSession } from '../../session/api/get-session.ts';
import { OperatorPage } from './OperatorPage.tsx';

/** `/ansatt/drift`: the operator's screen for operators; anyone else finds no such page (the API answers them 404 too). */
export function OperatorRoute() {
  const { m } = useMessages();
  const session = useSession();
  if (!session.data?.staff.operator) {
    return (
      <Title htmlMarkup="h1" appearance="title1" margin={{ marginTop: 2, marginBottom: 1 }}>
        {m.operator.notFound}
      </Title>
    );
  }
  return <OperatorPage />;
}
