import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';

export type Notice = Readonly<{ id: number; text: string; icon: string }>;
type NoticesValue = Readonly<{
  notices: readonly Notice[];
  notify: (text: string, icon?: string) => void;
  dismiss: (id: number) => void;
}>;

const NoticesContext = createContext<NoticesValue>({ notices: [], notify: () => undefined, dismiss: () => undefined });

/** How long a notice stays on screen. */
const NOTICE_MS = 8_000;

/** Short on-screen notices (new message from…), shown by `<NoticeArea />`. */
export function NoticesProvider({ children }: Readonly<{ children: ReactNode }>): ReactElement {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, icon = '💬') => {
      const id = next.current++;
      setNotices((list) => [...list.slice(-2), { id, text, icon }]);
      setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesValue {
  return useContext(NoticesContext);
}
