import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { InboxPage } from '../../features/inbox/components/InboxPage.tsx';
import { MunicipalShortcuts } from '../../features/municipal/components/MunicipalShortcuts.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';
import { useRepresentation } from '../../features/representation/api/representation.ts';
import { choiceAsked } from '../../features/representation/choice-asked.ts';

/** `/innboks` (loaded on demand); first after a login, whom to act for, when there is anyone. */
export default function InboxRoute() {
  return (
    <RequireSession>
      <AskWhomFirst>
        <InboxPage actions={<MunicipalShortcuts />} />
      </AskWhomFirst>
    </RequireSession>
  );
}

function AskWhomFirst({ children }: { children: ReactNode }) {
  const representation = useRepresentation();
  const someoneElse = representation.data?.candidates.some((candidate) => candidate.available) ?? false;
  if (someoneElse && !choiceAsked()) return <Navigate to="/bytt-person" replace />;
  return children;
}
