import { useParams } from 'react-router';
import { LetterPage } from '../../features/letter/components/LetterPage.tsx';
import { MunicipalThreadPanel } from '../../features/municipal/components/MunicipalThreadPanel.tsx';
import { LetterAppointmentPanel } from '../../features/appointments/components/LetterAppointmentPanel.tsx';
import { LetterFormPanel } from '../../features/forms/components/LetterFormPanel.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';

/** `/innboks/:id` (loaded on demand). Keyed by id so nothing carries over between letters. */
export default function LetterRoute() {
  const { id } = useParams();
  return (
    <RequireSession>
      <LetterPage
        key={id}
        aside={
          id ? (
            <>
              <LetterAppointmentPanel letterId={id} />
              <LetterFormPanel letterId={id} />
            </>
          ) : undefined
        }
      />
      {id && <MunicipalThreadPanel key={`municipal-${id}`} threadId={id} />}
    </RequireSession>
  );
}
