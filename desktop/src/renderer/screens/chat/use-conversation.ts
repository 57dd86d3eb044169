import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, MessageView } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { reportProblem } from '../../app/report-problem';
import { useHearthEvent } from '../../app/use-event';

export type Conversation = Readonly<{
  /** Oldest first. */
  messages: readonly MessageView[];
  hasMore: boolean;
  loadOlder: () => void;
  error: ErrorBody | null;
  /** Upload progress of attachments going up now, 0–1, by hash. */
  progress: ReadonlyMap<string, number>;
  /** Adds a message this screen just sent (the event may come later or earlier). */
  add: (message: MessageView) => void;
}>;

const PAGE = 50;

function merge(list: readonly MessageView[], more: readonly MessageView[]): MessageView[] {
  const byId = new Map(list.map((m) => [m.messageId, m]));
  for (const m of more) byId.set(m.messageId, m);
  return [...byId.values()].sort((a, b) => (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0));
}

/** One conversation: its history, live new messages and delivery states, read marks, upload progress. */
export function useConversation(contactId: string): Conversation {
  const hearth = useHearth();
  const [messages, setMessages] = useState<readonly MessageView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [progress, setProgress] = useState<ReadonlyMap<string, number>>(new Map());
  const lastMarked = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    setMessages([]);
    void hearth.listMessages({ contactId, limit: PAGE }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setMessages((list) => merge(list, r.value.messages));
      setHasMore(r.value.hasMore);
    });
    return () => {
      live = false;
    };
  }, [hearth, contactId]);

  const loadOlder = useCallback(() => {
    const oldest = messages[0];
    if (!oldest) return;
    void hearth.listMessages({ contactId, limit: PAGE, before: oldest.messageId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setMessages((list) => merge(list, r.value.messages));
      setHasMore(r.value.hasMore);
    });
  }, [hearth, contactId, messages]);

  const add = useCallback((m: MessageView) => setMessages((list) => merge(list, [m])), []);
  useHearthEvent('message', (m) => {
    if (m.contactId === contactId) add(m);
  });
  useHearthEvent('messageState', (s) => {
    if (s.contactId !== contactId) return;
    setMessages((list) => list.map((m) => (m.messageId === s.messageId ? { ...m, state: s.state } : m)));
  });
  // Deleted here, or taken back by its sender: it leaves the screen.
  useHearthEvent('messageRemoved', (r) => {
    if (r.contactId === contactId) setMessages((list) => list.filter((m) => m.messageId !== r.messageId));
  });
  useHearthEvent('attachmentProgress', (p) =>
    setProgress((map) => new Map(map).set(p.hash, p.total === 0 ? 1 : p.sent / p.total)),
  );

  // Everything shown is read: move the read mark to the newest message from the friend.
  useEffect(() => {
    const newestIn = [...messages].reverse().find((m) => m.direction === 'in');
    if (!newestIn || newestIn.messageId === lastMarked.current) return;
    lastMarked.current = newestIn.messageId;
    void hearth.markRead({ contactId, upTo: newestIn.messageId }).then((r) => {
      if (!r.ok) reportProblem(hearth, 'chat', 'mark-read', r.error);
    });
  }, [hearth, contactId, messages]);

  return { messages, hasMore, loadOlder, error, progress, add };
}
