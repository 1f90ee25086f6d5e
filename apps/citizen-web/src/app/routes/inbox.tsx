import { InboxPage } from '../../features/inbox/components/InboxPage.tsx';
import { MunicipalShortcuts } from '../../features/municipal/components/MunicipalShortcuts.tsx';
import { RequireSession } from '../../features/session/components/RequireSession.tsx';
import { ChoosePersonPrompt } from '../../features/representation/components/ChoosePersonPrompt.tsx';

/** `/innboks` (loaded on demand). */
export default function InboxRoute() {
  return (
    <RequireSession>
      <InboxPage
        actions={
          <>
            <ChoosePersonPrompt />
            <MunicipalShortcuts />
          </>
        }
      />
    </RequireSession>
  );
}
