import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../features/layout/components/NotFoundPage.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { StartRoute } from './routes/start.tsx';

// The logged-out start page is in the first load; the inbox and letter pages come on demand.
const InboxRoute = lazy(() => import('./routes/inbox.tsx'));
const LetterRoute = lazy(() => import('./routes/letter.tsx'));
const NoticeSettingsRoute = lazy(() => import('./routes/notice-settings.tsx'));

export const router = createBrowserRouter([
  {
    path: '/',
    element: <RootLayout />,
    children: [
      { index: true, element: <StartRoute /> },
      { path: 'innboks', element: <InboxRoute /> },
      { path: 'innboks/:id', element: <LetterRoute /> },
      { path: 'innstillinger/varsling', element: <NoticeSettingsRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
