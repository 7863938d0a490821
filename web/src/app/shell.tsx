/**
 * The signed-in console: guard, frame and every module's route. Loaded as its own chunk, so the login page
 * fetches only what it needs (the console budgets are checked by test/console/bundle-budget.test.ts).
 */
import { App as AntApp } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AccessRoute, AuthGuard } from './auth-guard';
import { BasicLayout } from './layout/basic-layout';
import { HOME_PATH, modules } from './modules';
import { Exception } from '../components/exception';
import i18n from '../i18n';
import { LOCALES, messagesOf } from '../locales';

// Every page's messages arrive with the shell (the login page carries only the boot namespaces).
for (const locale of LOCALES) i18n.addResources(locale, 'translation', messagesOf(locale));

export default function Shell() {
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
