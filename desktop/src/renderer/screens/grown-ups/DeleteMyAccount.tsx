import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Done, GrownUpDeletionPreview, IpcResult } from '@hearth/common';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** The pane's calls or parent mode's (`…AsMe`): the same card. */
export type DeleteMyAccountApi = Readonly<{
  preview: () => Promise<IpcResult<GrownUpDeletionPreview>>;
  remove: (password: string) => Promise<IpcResult<Done>>;
}>;

/**
 * "Delete my grown-up account" (issue 15 §3): a second step where the grown-up reads what goes
 * (the children for whom they are the last guardian, by name) and what stays, and types their
 * account password again (the relay checks it). After it, main signs the pane out or ends parent
 * mode; the screen follows that.
 */
export function DeleteMyAccount({ api }: Readonly<{ api: DeleteMyAccountApi }>): ReactElement {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const preview = useLoad(() => (open ? api.preview() : Promise.resolve({ ok: true as const, value: null })), [open]);
  const remove = useAction(() => api.remove(password));
  const names = (children: readonly { displayName: string }[]): string =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(children.map((c) => c.displayName));
  if (!open) {
    return (
      <div className="card" data-card="delete-me">
        <h3>{t('pane.deleteMe.title')}</h3>
        <Button variant="danger" icon="🗑️" onClick={() => setOpen(true)}>
          {t('pane.deleteMe.open')}
        </Button>
      </div>
    );
  }
  const go = preview.value?.childrenWhoGo ?? [];
  const stay = preview.value?.childrenWhoStay ?? [];
  return (
    <div className="card confirm" role="group" aria-label={t('pane.deleteMe.title')} data-card="delete-me">
      <h3>{t('pane.deleteMe.title')}</h3>
      <p>{t('pane.deleteMe.goes')}</p>
      {go.length > 0 && <p data-children="go">{t('pane.deleteMe.childrenGo', { count: go.length, names: names(go) })}</p>}
      {stay.length > 0 && <p data-children="stay">{t('pane.deleteMe.childrenStay', { names: names(stay) })}</p>}
      <p>{t('pane.deleteMe.stays')}</p>
      <ErrorNote error={preview.error} />
      <Field
        label={t('pane.deleteForGood.password')}
        hint={t('pane.deleteForGood.passwordHint')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="form-actions">
        <Button
          variant="quiet"
          onClick={() => {
            setOpen(false);
            setPassword('');
          }}
        >
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          onClick={() => void remove.run()}
          disabled={password.length === 0 || remove.busy || preview.value === null}
        >
          {t('pane.deleteMe.yes')}
        </Button>
      </div>
      <ErrorNote error={remove.error} context="family" />
    </div>
  );
}
