import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITE_PATTERN, type FriendshipView, type Invite } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { useAction } from '../../app/use-action';
import { spellOut } from '../../media/speech';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { foreignCodeCharacters, whyGrey } from '../../ui/form-checks';
import { ReadAloud } from '../../ui/ReadAloud';
import { Screen } from '../../ui/Screen';
import { StillNeeded } from '../../ui/StillNeeded';

type Mode = 'menu' | 'show' | 'type' | 'waiting';
const CODE = new RegExp(INVITE_PATTERN);

/** "Add a friend": show my code big enough to read aloud, or type a friend's code; then wait for the grown-ups. */
export function AddFriend({ onBack }: Readonly<{ onBack: () => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [mode, setMode] = useState<Mode>('menu');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [typed, setTyped] = useState('');
  const [request, setRequest] = useState<FriendshipView | null>(null);
  const make = useAction(() => hearth.createInvite());
  const redeem = useAction((code: string) => hearth.redeemInvite({ code }));

  const foreign = foreignCodeCharacters(typed);
  const codeProblem = foreign.length > 0 ? t('addFriend.codeProblem', { chars: foreign.join(', ') }) : null;
  const codeReady = CODE.test(typed.trim());
  const stillNeeded = codeReady || codeProblem ? null : t('addFriend.needCode');
  const ids = { problem: useId(), needed: useId() };

  const showCode = async (): Promise<void> => {
    setMode('show');
    const made = await make.run();
    if (made) setInvite(made);
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const made = await redeem.run(typed.trim());
    if (made) {
      setRequest(made);
      setMode('waiting');
    }
  };

  const title = t(`addFriend.titles.${mode}`);
  return (
    <Screen
      name={`add-friend-${mode}`}
      title={title}
      onBack={mode === 'menu' || mode === 'waiting' ? onBack : () => setMode('menu')}
    >
      {mode === 'menu' && (
        <div className="stack">
          <p className="lead">
            {t('addFriend.lead')} <ReadAloud text={t('addFriend.lead')} />
          </p>
          <div className="choice-cards">
            <Button variant="primary" size="big" icon="🗣️" className="choice-card" onClick={() => void showCode()}>
              <span className="choice-card-title">{t('addFriend.showMine')}</span>
              <span className="choice-card-text">{t('addFriend.showMineText')}</span>
            </Button>
            <Button size="big" icon="⌨️" className="choice-card" onClick={() => setMode('type')}>
              <span className="choice-card-title">{t('addFriend.typeTheirs')}</span>
              <span className="choice-card-text">{t('addFriend.typeTheirsText')}</span>
            </Button>
          </div>
        </div>
      )}
      {mode === 'show' && (
        <div className="stack center">
          <ErrorNote error={make.error} context="invite" />
          {invite && (
            <>
              <p className="lead">{t('addFriend.readThis')}</p>
              <p className="invite-code" data-testid="invite-code">
                {invite.code}
              </p>
              <ReadAloud text={spellOut(invite.code)} label={t('addFriend.readCode')} always />
              <p>{t('addFriend.codeRules')}</p>
            </>
          )}
          <Button variant="primary" size="big" onClick={onBack}>
            {t('addFriend.done')}
          </Button>
        </div>
      )}
      {mode === 'type' && (
        <form className="card form center" onSubmit={(e) => void submit(e)} aria-label={title}>
          <label htmlFor="friend-code" className="lead">
            {t('addFriend.typeLabel')}
          </label>
          <input
            id="friend-code"
            className="code-input"
            value={typed}
            onChange={(e) => {
              redeem.clearError();
              setTyped(e.target.value.toUpperCase());
            }}
            maxLength={9}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABCD-EFGH"
            aria-invalid={codeProblem ? true : undefined}
            aria-describedby={codeProblem ? ids.problem : undefined}
          />
          {codeProblem && (
            <p className="field-problem" id={ids.problem}>
              {codeProblem}
            </p>
          )}
          <ErrorNote error={redeem.error} context="redeem" />
          <StillNeeded id={ids.needed} text={stillNeeded} />
          <Button
            type="submit"
            variant="primary"
            size="big"
            icon="✅"
            disabled={!codeReady || redeem.busy}
            aria-describedby={whyGrey(!codeReady, codeProblem && ids.problem, stillNeeded && ids.needed)}
          >
            {t('addFriend.send')}
          </Button>
        </form>
      )}
      {mode === 'waiting' && request && (
        <div className="card stack center waiting-card" data-testid="waiting-for-grown-ups">
          <p className="big-emoji" aria-hidden="true">
            🏠⏳🏠
          </p>
          <p className="lead">{t('addFriend.waiting', { name: request.friend.displayName })}</p>
          <ReadAloud text={t('addFriend.waiting', { name: request.friend.displayName })} />
          <p>{t('addFriend.waitingMore', { name: request.friend.displayName })}</p>
          <Button variant="primary" onClick={onBack}>
            {t('addFriend.backHome')}
          </Button>
        </div>
      )}
    </Screen>
  );
}
