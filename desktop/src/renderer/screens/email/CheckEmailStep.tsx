import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParentAccount } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { whyGrey } from '../../ui/form-checks';
import { SubmitRow } from '../../ui/SubmitRow';
import { CodeField } from './CodeField';
import { cleanCode, codeLooksRight, emailLanguage } from './email-language';
import { useCooldown } from './use-cooldown';
import './email.css';

/** Seconds before "Send the code again" works (again). */
export const RESEND_COOLDOWN_S = 30;

/**
 * "Check your email": the 6-digit code the relay sent to `email`, after a registration or a
 * sign-in to an address not verified yet. The screen says the same whether the address was new or
 * already had an account; a correct code signs the grown-up in (on this PC, as a sign-in does).
 */
export function CheckEmailStep({
  email,
  onDone,
  onDifferentEmail,
  narrow = false,
}: Readonly<{
  email: string;
  onDone: (account: ParentAccount) => void;
  onDifferentEmail: () => void;
  narrow?: boolean;
}>): ReactElement {
  const { t, i18n } = useTranslation();
  const hearth = useHearth();
  const [typed, setTyped] = useState('');
  const [left, setLeft] = useState(false);
  const code = cleanCode(typed);
  const ready = codeLooksRight(code);
  const verify = useAction(() => hearth.verifyEmail({ email, code }));
  const resend = useAction(() => hearth.resendEmailCode({ email, lang: emailLanguage(i18n.language) }));
  const cooldown = useCooldown(RESEND_COOLDOWN_S, true);
  const [resent, setResent] = useState(false);
  const ids = { code: useId(), needed: useId(), wait: useId() };
  const codeProblem = left && code !== '' && !ready ? t('checkEmail.codeShort') : null;
  const stillNeeded = ready || codeProblem ? null : t('checkEmail.needCode');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    const account = await verify.run();
    if (account) onDone(account);
  };
  const sendAgain = async (): Promise<void> => {
    setResent(false);
    if (await resend.run()) {
      setResent(true);
      verify.clearError();
      cooldown.start();
    }
  };

  return (
    <form
      className={narrow ? 'card form narrow' : 'card form'}
      onSubmit={(e) => void submit(e)}
      aria-label={t('checkEmail.title')}
      data-step="check-email"
    >
      <h2>{t('checkEmail.title')}</h2>
      <p className="lead">{t('checkEmail.lead', { email })}</p>
      <p>{t('checkEmail.spam')}</p>
      <CodeField
        label={t('checkEmail.code')}
        hint={t('checkEmail.codeHint')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => setLeft(true)}
        problem={codeProblem}
        problemId={ids.code}
      />
      <ErrorNote error={verify.error} context="emailCode" />
      <ErrorNote error={resend.error} context="emailCode" />
      {resent && !verify.error && <p role="status">{t('checkEmail.resent')}</p>}
      <SubmitRow
        neededId={ids.needed}
        stillNeeded={stillNeeded}
        disabled={!ready || verify.busy}
        describedBy={whyGrey(!ready, codeProblem && ids.code, stillNeeded && ids.needed)}
      >
        {t('checkEmail.submit')}
      </SubmitRow>
      <div className="form-actions">
        <Button
          onClick={() => void sendAgain()}
          disabled={cooldown.left > 0 || resend.busy}
          aria-describedby={cooldown.left > 0 ? ids.wait : undefined}
        >
          {t('checkEmail.resend')}
        </Button>
        <Button variant="quiet" onClick={onDifferentEmail}>
          {t('checkEmail.differentEmail')}
        </Button>
      </div>
      {cooldown.left > 0 && (
        <p className="field-hint" id={ids.wait}>
          {t('checkEmail.resendWait', { count: cooldown.left })}
        </p>
      )}
    </form>
  );
}
