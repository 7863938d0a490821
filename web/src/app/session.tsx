import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/request';
import { fetchMe, logout as apiLogout, updateMe } from '../api/session';
import type { Me, MyWorkspace, User } from '../api/types';
import { accessOf, type Access } from '../access';
import { changeLocale, currentLocale } from '../i18n';
import { isLocale, type Locale } from '../locales/meta';

const WORKSPACE_KEY = 'chorus.workspaceId';

export type SessionStatus = 'loading' | 'anonymous' | 'ready' | 'error';

export interface Session {
  status: SessionStatus;
  /** True after an explicit sign-out (the login page then needs no way back). */
  loggedOut: boolean;
  error?: unknown;
  me: Me | null;
  user: User | null;
  workspace: MyWorkspace | null;
  access: Access;
  reload: () => Promise<void>;
  selectWorkspace: (id: string) => void;
  patchWorkspace: (patch: Partial<MyWorkspace>) => void;
  setUser: (user: User) => void;
  setLocale: (locale: Locale) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function pickWorkspace(me: Me, preferred: string | null): MyWorkspace | null {
  return me.workspaces.find((w) => w.id === preferred) ?? me.workspaces[0] ?? null;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [error, setError] = useState<unknown>();
  const [me, setMe] = useState<Me | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const [workspaceId, setWorkspaceId] = useState<string | null>(readStored);

  const reload = useCallback(async () => {
    try {
      const next = await fetchMe();
      setMe(next);
      setLoggedOut(false);
      setStatus('ready');
      // The account's language wins over the browser's remembered one once signed in.
      if (isLocale(next.user.locale) && next.user.locale !== currentLocale()) await changeLocale(next.user.locale);
    } catch (err) {
      setMe(null);
      if (err instanceof ApiError && err.status === 401) setStatus('anonymous');
      else {
        setError(err);
        setStatus('error');
      }
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const workspace = me ? pickWorkspace(me, workspaceId) : null;

  const selectWorkspace = useCallback((id: string) => {
    setWorkspaceId(id);
    try {
      localStorage.setItem(WORKSPACE_KEY, id);
    } catch {
      /* storage unavailable */
    }
  }, []);

  const patchWorkspace = useCallback((patch: Partial<MyWorkspace>) => {
    setMe((prev) => prev && {
      ...prev,
      workspaces: prev.workspaces.map((w) => (w.id === (patch.id ?? workspace?.id) ? { ...w, ...patch } : w)),
    });
  }, [workspace?.id]);

  const setUser = useCallback((user: User) => setMe((prev) => prev && { ...prev, user }), []);

  const setLocale = useCallback(async (locale: Locale) => {
    await changeLocale(locale);
    if (me) {
      const { user } = await updateMe({ locale });
      setUser(user);
    }
  }, [me, setUser]);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setMe(null);
      setLoggedOut(true);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo<Session>(() => ({
    status, loggedOut, error, me, user: me?.user ?? null, workspace, access: accessOf(workspace),
    reload, selectWorkspace, patchWorkspace, setUser, setLocale, logout,
  }), [status, loggedOut, error, me, workspace, reload, selectWorkspace, patchWorkspace, setUser, setLocale, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For pages inside the guarded layout: a workspace is always selected there. */
export function useWorkspace(): MyWorkspace {
  const { workspace } = useSession();
  if (!workspace) throw new Error('useWorkspace without a workspace');
  return workspace;
}

export function useAccess(): Access {
  return useSession().access;
}
