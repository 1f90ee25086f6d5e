import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../features/layout/components/NotFoundPage.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { StartRoute } from './routes/start.tsx';
import { SecurityLevelPage } from '../features/session/components/SecurityLevelPage.tsx';

// The logged-out start page is in the first load; the inbox and letter pages come on demand.
const InboxRoute = lazy(() => import('./routes/inbox.tsx'));
const LetterRoute = lazy(() => import('./routes/letter.tsx'));
const MunicipalNewMessageRoute = lazy(() => import('./routes/municipal-new.tsx'));
const AccessLogRoute = lazy(() => import('./routes/access-log.tsx'));
const AppointmentsRoute = lazy(() => import('./routes/appointments.tsx'));
const AppointmentRoute = lazy(() => import('./routes/appointment.tsx'));
const NoticeSettingsRoute = lazy(() => import('./routes/notice-settings.tsx'));
const FormsRoute = lazy(() => import('./routes/forms.tsx'));
const ResearchReservationRoute = lazy(() => import('./routes/research-reservation.tsx'));
const ChoosePersonRoute = lazy(() => import('./routes/choose-person.tsx'));
const PowersOfAttorneyRoute = lazy(() => import('./routes/powers-of-attorney.tsx'));

export const router = createBrowserRouter([
  {
    path: '/',
    element: <RootLayout />,
    children: [
      { index: true, element: <StartRoute /> },
      { path: 'innboks', element: <InboxRoute /> },
      { path: 'innboks/:id', element: <LetterRoute /> },
      { path: 'kommunen/ny-melding', element: <MunicipalNewMessageRoute /> },
      { path: 'logg-over-bruk', element: <AccessLogRoute /> },
      { path: 'timeavtaler', element: <AppointmentsRoute /> },
      { path: 'timeavtaler/:id', element: <AppointmentRoute /> },
      { path: 'innstillinger/varsling', element: <NoticeSettingsRoute /> },
      { path: 'skjema', element: <FormsRoute /> },
      { path: 'innstillinger/forskning', element: <ResearchReservationRoute /> },
      { path: 'innlogging/sikkerhetsniva', element: <SecurityLevelPage /> },
      { path: 'bytt-person', element: <ChoosePersonRoute /> },
      { path: 'innstillinger/fullmakter', element: <PowersOfAttorneyRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
