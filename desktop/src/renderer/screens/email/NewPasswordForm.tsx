import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult, PasswordResetArgs, PasswordResetStarted } from '@hearth/common';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { whyGrey } from '../../ui/form-checks';
import { PasswordField } from '../../ui/PasswordField';
import { SubmitRow } from '../../ui/SubmitRow';
import { CodeField } from './CodeField';
import { cleanCode, codeLooksRight } from './email-language';
import type { ResetDone } from './ForgotPassword';

/**
 * The reset code and the new Hearth password, twice, with the rules of the account forms (at least
 * 10 characters; the button says why it is grey). Saving ends every other session of the account.
 */
export function NewPasswordForm<T>({
  email,
  status,
  complete,
  onSaving,
  onSaved,
  onDifferentEmail,
  narrow,
}: Readonly<{
  email: string;
  status: PasswordResetStarted['status'];
  complete: (args: PasswordResetArgs) => Promise<IpcResult<T>>;
  onSaving?: (() => void) | undefined;
  onSaved: (done: ResetDone<T>) => void;
  onDifferentEmail: () => void;
  narrow: boolean;
}>): ReactElement {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [left, setLeft] = useState<ReadonlySet<'code' | 'password'>>(new Set());
  const leave = (field: 'code' | 'password'): void => setLeft((set) => new Set([...set, field]));
  const code = cleanCode(typed);
  const save = useAction(() => complete({ email, code, password }));
  const codeOk = codeLooksRight(code);
  const passwordOk = password.length >= 10;
  const same = password === again;
  const ready = codeOk && passwordOk && same;
  const ids = { code: useId(), password: useId(), again: useId(), needed: useId() };
  const codeProblem = left.has('code') && code !== '' && !codeOk ? t('checkEmail.codeShort') : null;
  const passwordProblem = left.has('password') && password !== '' && !passwordOk ? t('firstRun.relayPasswordShort') : null;
  const mismatch = again !== '' && passwordOk && !same ? t('forgot.mismatch') : null;
  const stillNeeded =
    ready || codeProblem || passwordProblem || mismatch
      ? null
      : !codeOk
        ? t('forgot.needCode')
        : !passwordOk
          ? t('firstRun.needNewPassword')
          : t('forgot.needBoth');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    onSaving?.();
    const value = await save.run();
    if (value !== null) onSaved({ email, password, value });
  };

  return (
    <form
      className={narrow ? 'card form narrow' : 'card form'}
      onSubmit={(e) => void submit(e)}
      aria-label={t('forgot.title')}
      data-step="forgot-code"
      data-status={status}
    >
      <h2>{t('forgot.title')}</h2>
      {status === 'check-email' ? (
        <p className="lead" role="status">
          {t('forgot.sentEmail')}
        </p>
      ) : (
        <>
          <p className="lead" role="status">
            {t('forgot.askOperator')}
          </p>
          <p className="command">{t('forgot.operatorCommand', { email })}</p>
        </>
      )}
      <CodeField
        label={t('forgot.code')}
        hint={t('forgot.codeHint')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => leave('code')}
        problem={codeProblem}
        problemId={ids.code}
      />
      <PasswordField
        kind="new"
        label={t('forgot.newPassword')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        onBlur={() => leave('password')}
        problem={passwordProblem}
        problemId={ids.password}
      />
      <PasswordField
        kind="again"
        label={t('forgot.newPasswordAgain')}
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        problem={mismatch}
        problemId={ids.again}
      />
      <p>{t('forgot.whatHappens')}</p>
      <ErrorNote error={save.error} context="emailCode" />
      <SubmitRow
        neededId={ids.needed}
        stillNeeded={stillNeeded}
        disabled={!ready || save.busy}
        describedBy={whyGrey(
          !ready,
          codeProblem && ids.code,
          passwordProblem && ids.password,
          mismatch && ids.again,
          stillNeeded && ids.needed,
        )}
      >
        {t('forgot.save')}
      </SubmitRow>
      <div className="form-actions">
        <Button variant="quiet" onClick={onDifferentEmail}>
          {t('forgot.differentEmail')}
        </Button>
      </div>
    </form>
  );
}
