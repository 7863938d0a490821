/**
 * The signed-in console: guard, frame and every module's route. Loaded as its own chunk, so the login page
 * fetches only what it needs (the console budgets are checked by test/console/bundle-budget.test.ts).
 */
import { useEffect, useState } from 'react';
import { App as AntApp, Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AccessRoute, AuthGuard } from './auth-guard';
import { BasicLayout } from './layout/basic-layout';
import { HOME_PATH, modules } from './modules';
import { Exception } from '../components/exception';
import { loadEveryNamespace } from '../i18n';

export default function Shell() {
  // Every page's messages, of the language in use only, arrive before the first page renders.
  const [ready, setReady] = useState(false);
  useEffect(() => { void loadEveryNamespace().then(() => setReady(true)); }, []);
  if (!ready) return <Spin style={{ display: 'block', marginTop: '30vh' }} />;
  // AntApp (message, modal, notification) is only needed once signed in.
  return (
    <AntApp>
    <AuthGuard>
      <Routes>
        <Route element={<BasicLayout />}>
          <Route index element={<Navigate to={HOME_PATH} replace />} />
          {modules.map((m) => (
            <Route key={m.key} path={m.path.slice(1)} element={<AccessRoute access={m.access}>{m.element}</AccessRoute>} />
          ))}
          <Route path="*" element={<Exception kind="404" />} />
        </Route>
      </Routes>
    </AuthGuard>
    </AntApp>
  );
}
