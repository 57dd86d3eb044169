import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildOnPc, CreateChildArgs, Gender } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { AvatarPicker } from '../../ui/AvatarPicker';
import type { AvatarId } from '../../ui/avatars';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { whyGrey } from '../../ui/form-checks';
import { StillNeeded } from '../../ui/StillNeeded';

const USERNAME = /^[a-z0-9][a-z0-9._]{1,22}[a-z0-9]$/;

/** A username suggestion from a name: lower-case letters and digits only, at least three characters. */
export function suggestUsername(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 16);
  return base.length >= 3 ? base : `${base}kid`.slice(0, 16);
}

export type ChildFormProps = Readonly<{
  policyVersion: string;
  /** The parent agreed to the policy on an earlier step; otherwise the form asks for it. */
  consentGiven: boolean;
  /** Put the child on this PC at once (when the PC is enrolled). */
  addToThisPc?: boolean;
  onCreated: (child: ChildOnPc, avatar: AvatarId) => void;
  onCancel?: () => void;
}>;

/** A parent adds a child: name, username and picture; birthday and gender may be skipped as easily as filled in. */
export function ChildForm({
  policyVersion,
  consentGiven,
  addToThisPc = true,
  onCreated,
  onCancel,
}: ChildFormProps): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [usernameTouched, setUsernameTouched] = useState(false);
  const [avatar, setAvatar] = useState<AvatarId>('fox');
  const [birthdayChoice, setBirthdayChoice] = useState<'skip' | 'add'>('skip');
  const [birthday, setBirthday] = useState('');
  const [gender, setGender] = useState<'skip' | Gender>('skip');
  const [agreed, setAgreed] = useState(consentGiven);
  const create = useAction((args: CreateChildArgs) => hearth.createChild(args));

  // Suggested from the name once there is one (not a made-up "kid" in the field before it).
  const shownUsername = usernameTouched ? username : name.trim() === '' ? '' : suggestUsername(name);
  const usernameOk = USERNAME.test(shownUsername);
  const ready = name.trim().length > 0 && usernameOk && agreed && (birthdayChoice === 'skip' || birthday !== '');
  const usernameProblem = shownUsername && !usernameOk ? t('child.usernameProblem') : null;
  const birthdayProblem = birthdayChoice === 'add' && birthday === '' ? t('child.birthdayProblem') : null;
  const stillNeeded =
    ready || usernameProblem || birthdayProblem
      ? null
      : name.trim() === ''
        ? t('child.needName')
        : !usernameOk
          ? t('child.needUsername')
          : t('child.needConsent');
  const ids = { username: useId(), birthday: useId(), needed: useId() };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    const created = await create.run({
      displayName: name.trim(),
      username: shownUsername,
      avatar,
      addToThisPc,
      consent: { policyVersion, method: 'checkbox', agreed: true },
      ...(birthdayChoice === 'add' ? { birthday } : {}),
      ...(gender !== 'skip' ? { gender } : {}),
    });
    if (created) onCreated(created, avatar);
  };

  return (
    <form className="card form child-form" onSubmit={(e) => void submit(e)} aria-label={t('child.formTitle')}>
      <h2>{t('child.formTitle')}</h2>
      <Field
        label={t('child.name')}
        hint={t('child.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={40}
        required
      />
      <Field
        label={t('child.username')}
        hint={t('child.usernameHint')}
        value={shownUsername}
        onChange={(e) => {
          setUsernameTouched(true);
          setUsername(e.target.value.toLowerCase());
        }}
        problem={usernameProblem}
        problemId={ids.username}
        maxLength={24}
        autoCapitalize="off"
        spellCheck={false}
        required
      />
      <AvatarPicker value={avatar} onChange={setAvatar} />
      <ChoiceGroup
        legend={t('child.birthday')}
        hint={t('child.optionalHint')}
        value={birthdayChoice}
        onChange={setBirthdayChoice}
        choices={[
          { value: 'skip', label: t('child.skip') },
          { value: 'add', label: t('child.addBirthday') },
        ]}
      />
      {birthdayChoice === 'add' && (
        <Field
          label={t('child.birthdayDate')}
          type="date"
          value={birthday}
          onChange={(e) => setBirthday(e.target.value)}
          problem={birthdayProblem}
          problemId={ids.birthday}
          required
        />
      )}
      <ChoiceGroup
        legend={t('child.gender')}
        hint={t('child.optionalHint')}
        value={gender}
        onChange={setGender}
        choices={[
          { value: 'skip', label: t('child.skip') },
          { value: 'girl', label: t('child.girl') },
          { value: 'boy', label: t('child.boy') },
          { value: 'other', label: t('child.other') },
        ]}
      />
      {!consentGiven && (
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          <span>{t('child.consent', { version: policyVersion })}</span>
        </label>
      )}
      <ErrorNote error={create.error} context="child" />
      <div className="form-actions">
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <StillNeeded id={ids.needed} text={stillNeeded} />
        <Button
          type="submit"
          variant="primary"
          disabled={!ready || create.busy}
          aria-describedby={whyGrey(
            !ready,
            usernameProblem && ids.username,
            birthdayProblem && ids.birthday,
            stillNeeded && ids.needed,
          )}
        >
          {t('child.add')}
        </Button>
      </div>
    </form>
  );
}
