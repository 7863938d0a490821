import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { Spin } from 'antd';
import { AccessRoute, AuthGuard } from './auth-guard';
import { BasicLayout } from './layout/basic-layout';
import { HOME_PATH, modules } from './modules';
import { Exception } from '../components/exception';

const Login = lazy(() => import('../pages/auth/login'));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: '30vh' }} />}>
        <Login />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <AuthGuard>
        <BasicLayout />
      </AuthGuard>
    ),
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      ...modules.map((m) => ({
        path: m.path.slice(1),
        element: <AccessRoute access={m.access}>{m.element}</AccessRoute>,
      })),
      { path: '*', element: <Exception kind="404" /> },
    ],
  },
]);
