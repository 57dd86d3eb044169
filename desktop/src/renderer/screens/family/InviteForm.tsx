import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Child, GrownUpInviteCreated, GrownUpRole } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { AVATARS, AVATAR_IDS, type AvatarId } from '../../ui/avatars';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

/** The code, big and clear, to pass on: valid 7 days, single use (and emailed, where the relay said so). */
export function CodeCard({ created, onDone }: Readonly<{ created: GrownUpInviteCreated; onDone: () => void }>): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="card family-code" role="status">
      <p>{t('pane.invites.codeFor')}</p>
      <p className="family-code-text" data-testid="grown-up-code">
        {created.code}
      </p>
      <p>{t('pane.invites.codeRules')}</p>
      {created.emailSent && <p data-testid="code-emailed">✉️ {t('pane.invites.emailed')}</p>}
      <Button variant="primary" onClick={onDone}>
        {t('pane.invites.done')}
      </Button>
    </div>
  );
}

/** Invite another guardian or a trusted grown-up: which children, an optional email, the picture (trusted). */
export function InviteForm({
  role,
  children,
  onCreated,
  onCancel,
}: Readonly<{
  role: GrownUpRole;
  children: readonly Child[];
  onCreated: (created: GrownUpInviteCreated) => void;
  onCancel: () => void;
}>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [picked, setPicked] = useState<readonly string[]>(children.length === 1 ? children.map((c) => c.childId) : []);
  const [email, setEmail] = useState('');
  const [avatar, setAvatar] = useState<AvatarId>('owl');
  const create = useAction(() =>
    hearth.createGrownUpInvite({
      role,
      childIds: children.filter((c) => picked.includes(c.childId)).map((c) => c.childId),
      ...(email.trim() !== '' ? { email: email.trim() } : {}),
      ...(role === 'trusted' ? { avatar } : {}),
      lang: i18n.language === 'es' ? 'es' : 'en',
    }),
  );
  const toggle = (childId: string): void =>
    setPicked((p) => (p.includes(childId) ? p.filter((x) => x !== childId) : [...p, childId]));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const created = await create.run();
    if (created) onCreated(created);
  };
  const title = role === 'guardian' ? t('pane.invites.inviteGuardian') : t('pane.invites.inviteTrusted');
  return (
    <form className="form card family-invite-form" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      <p className="muted">{role === 'guardian' ? t('pane.invites.guardianLead') : t('pane.invites.trustedLead')}</p>
      <fieldset className="family-children-pick">
        <legend>{t('pane.invites.forWhom')}</legend>
        {children.map((c) => (
          <label key={c.childId}>
            <input type="checkbox" checked={picked.includes(c.childId)} onChange={() => toggle(c.childId)} /> {c.displayName}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('pane.invites.email')}
        hint={t('pane.invites.emailHint')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="off"
      />
      {role === 'trusted' && (
        <ChoiceGroup
          legend={t('pane.invites.picture')}
          look="tiles"
          value={avatar}
          onChange={setAvatar}
          choices={AVATAR_IDS.map((id) => ({ value: id, label: t(`avatars.${id}`), icon: AVATARS[id].emoji }))}
        />
      )}
      <div className="form-actions">
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={picked.length === 0 || create.busy}>
          {t('pane.invites.make')}
        </Button>
      </div>
      <ErrorNote error={create.error} context="family" />
    </form>
  );
}
