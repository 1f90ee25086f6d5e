import { useState } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from '../features/session/Layout.tsx';
import { sessionKey } from '../features/session/session.ts';
import { isApiError } from '../lib/http.ts';
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
  const [client] = useState(() => {
    // A 401 anywhere means the session is over: show the start page, drop what was on screen.
    const endSession = (error: unknown) => {
      if (!isApiError(error, 401)) return;
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    };
    const queryClient: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError: endSession }),
      mutationCache: new MutationCache({ onError: endSession }),
      defaultOptions: { queries: { retry: (count, error) => count < 2 && !isApiError(error), staleTime: 10_000 } },
    });
    return queryClient;
  });
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
