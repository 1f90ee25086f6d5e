import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from '../features/session/Layout.tsx';
import { HomeRoute } from '../features/workspace/HomeRoute.tsx';
import { ServiceInboxPage } from '../features/workspace/ServiceInboxPage.tsx';
import { ThreadPage } from '../features/workspace/ThreadPage.tsx';

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <HomeRoute /> },
        { path: 'tjenester/:serviceId', element: <ServiceInboxPage /> },
        { path: 'tjenester/:serviceId/samtaler/:threadId', element: <ThreadPage /> },
        { path: '*', element: <HomeRoute /> },
      ],
    },
  ],
  { basename: '/ansatt' },
);

export function App() {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: (count, error) => count < 2 && !(error instanceof Error && error.name === 'ApiError'), staleTime: 10_000 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
