import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { ReportPlace } from '@hearth/common';
import { ReportDialog } from './ReportDialog';

/** What "Something's wrong" was pressed on: who, where, which item (a message id, a game's match, the call log's id; null for a card). */
export type ReportRequest = Readonly<{
  about: string;
  name: string;
  place: ReportPlace;
  itemId: string | null;
  /** Called when the child closes the calm words (e.g. the chat goes back home). */
  after?: () => void;
}>;

type ReportOpener = (request: ReportRequest) => void;

const ReportContext = createContext<ReportOpener | null>(null);

/**
 * Issue 15 (F11): holds the one reason picker of a child's profile, drawn above every screen, so a
 * report made during a call stays open after the call screen is gone. Only for a child's profile.
 */
export function ReportProvider({ enabled, children }: Readonly<{ enabled: boolean; children: ReactNode }>): ReactElement {
  const [request, setRequest] = useState<ReportRequest | null>(null);
  const open = useCallback<ReportOpener>((r) => setRequest(r), []);
  const close = useCallback(() => {
    setRequest((r) => {
      r?.after?.();
      return null;
    });
  }, []);
  const value = useMemo(() => (enabled ? open : null), [enabled, open]);
  return (
    <ReportContext.Provider value={value}>
      {children}
      {request && <ReportDialog key={`${request.about}-${request.itemId ?? ''}`} request={request} onClose={close} />}
    </ReportContext.Provider>
  );
}

/** Opens the reason picker; null outside a child's profile (no button is shown then). */
export function useReport(): ReportOpener | null {
  return useContext(ReportContext);
}
