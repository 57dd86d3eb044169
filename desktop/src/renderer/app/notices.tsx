import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';

/** A short on-screen notice; `about` groups notices about one thing (one per friend). */
export type Notice = Readonly<{ id: number; text: string; icon: string; about: string | null }>;
type NoticesValue = Readonly<{
  notices: readonly Notice[];
  /** Shows a notice; one `about` the same thing replaces the last one. */
  notify: (text: string, icon?: string, about?: string) => void;
  dismiss: (id: number) => void;
  /** Takes away the notice about this thing (its chat was opened). */
  dismissAbout: (about: string) => void;
}>;

const NoticesContext = createContext<NoticesValue>({
  notices: [],
  notify: () => undefined,
  dismiss: () => undefined,
  dismissAbout: () => undefined,
});

/** How long a notice stays on screen. */
const NOTICE_MS = 8_000;
/** Most notices on screen at once. */
const MAX_NOTICES = 3;

/** Short on-screen notices (new message from…), shown by `<NoticeArea />`. */
export function NoticesProvider({ children }: Readonly<{ children: ReactNode }>): ReactElement {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const dismissAbout = useCallback((about: string) => setNotices((list) => list.filter((n) => n.about !== about)), []);
  const notify = useCallback(
    (text: string, icon = '💬', about?: string) => {
      const id = next.current++;
      const notice: Notice = { id, text, icon, about: about ?? null };
      setNotices((list) => [...list.filter((n) => about === undefined || n.about !== about), notice].slice(-MAX_NOTICES));
      setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notices, notify, dismiss, dismissAbout }), [notices, notify, dismiss, dismissAbout]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesValue {
  return useContext(NoticesContext);
}
