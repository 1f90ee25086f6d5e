import { createBrowserRouter } from 'react-router';
import { HomeRoute } from '../features/workspace/components/HomeRoute.tsx';
import { ServiceInboxPage } from '../features/workspace/components/ServiceInboxPage.tsx';
import { ThreadPage } from '../features/workspace/components/ThreadPage.tsx';
import { RootLayout } from './routes/root-layout.tsx';

export const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <RootLayout />,
      children: [
        { index: true, element: <HomeRoute /> },
        { path: 'tjenester/:serviceId', element: <ServiceInboxPage /> },
        { path: 'tjenester/:serviceId/samtaler/:threadId', element: <ThreadPage /> },
        // The operator's screen and its charting library load only when an operator opens it.
        { path: 'drift', lazy: async () => ({ Component: (await import('../features/operator/components/OperatorRoute.tsx')).OperatorRoute }) },
        { path: '*', element: <HomeRoute /> },
      ],
    },
  ],
  { basename: '/ansatt' },
);
