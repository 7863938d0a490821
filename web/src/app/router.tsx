import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Spin } from 'antd';

const Login = lazy(() => import('../pages/auth/login'));
const Shell = lazy(() => import('./shell'));

const spin = <Spin style={{ display: 'block', marginTop: '30vh' }} />;

export const router = createBrowserRouter([
  { path: '/login', element: <Suspense fallback={spin}><Login /></Suspense> },
  { path: '/*', element: <Suspense fallback={spin}><Shell /></Suspense> },
]);
