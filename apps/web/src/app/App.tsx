// The browser's app: the live connection around the router.

import { RouterProvider, type createBrowserRouter } from 'react-router';
import { LiveConnectionProvider } from '../lib/live/LiveConnection.tsx';

export function App({ router }: { router: ReturnType<typeof createBrowserRouter> }) {
  return (
    <LiveConnectionProvider>
      <RouterProvider router={router} />
    </LiveConnectionProvider>
  );
}
