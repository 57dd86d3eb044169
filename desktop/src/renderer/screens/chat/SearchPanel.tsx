import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';

/** Search in this conversation's history (full-text, on this PC). */
export function SearchPanel({ contactId, friendName }: Readonly<{ contactId: string; friendName: string }>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly SearchHit[] | null>(null);
  const search = useAction(() => hearth.searchMessages({ query: query.trim(), contactId, limit: 30 }));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (query.trim() === '') return;
    const found = await search.run();
    if (found) setHits(found.hits);
  };
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="search-panel card" aria-label={t('chat.search')}>
      <form className="search-form" onSubmit={(e) => void submit(e)} role="search">
        <label htmlFor="chat-search" className="sr-only">
          {t('chat.searchLabel', { name: friendName })}
        </label>
        <input
          id="chat-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('chat.searchLabel', { name: friendName })}
          maxLength={200}
        />
        <Button type="submit" variant="primary" icon="🔍" disabled={search.busy || query.trim() === ''}>
          {t('chat.searchGo')}
        </Button>
      </form>
      <ErrorNote error={search.error} />
      {hits && (
        <>
          <p role="status">{t('chat.searchCount', { count: hits.length })}</p>
          <ul className="search-hits" data-testid="search-hits">
            {hits.map((h) => (
              <li key={h.message.messageId}>
                <span className="muted">
                  {h.message.direction === 'out' ? t('chat.you') : friendName} · {day.format(h.message.sentAt)}
                </span>
                <p>{h.snippet}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
