import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { noticeKey } from './background-choice';
import { BackgroundChooser } from './BackgroundChooser';
import './backgrounds.css';
import { useCallEffects } from './CallEffectsProvider';
import { useMyBackgrounds } from './use-my-backgrounds';
import { useMachinePolicy } from '../../app/use-machine-policy';

function Chooser(): ReactElement {
  const { effects, state } = useCallEffects();
  const mine = useMyBackgrounds();
  return (
    <BackgroundChooser
      compact
      choice={state.choice}
      pictures={mine.pictures}
      onChoose={(c) => void effects?.choose(c)}
      disabled={!effects}
    />
  );
}

/**
 * In a video call: a button that opens a small background chooser (what the friend sees behind the
 * child changes at once), and what the effects tell the child, in kid words.
 */
export function InCallBackgrounds(): ReactElement | null {
  const { t } = useTranslation();
  const { effects, state } = useCallEffects();
  const [open, setOpen] = useState(false);
  // Hidden where the PC's machine policy does not allow effects (issue 17).
  const allowed = useMachinePolicy()?.settings.effectsAllowed.value !== false;
  if (!effects || !allowed) return null;
  return (
    <div className="bg-in-call" data-testid="call-backgrounds">
      {state.notice && (
        <p role="status" className="bg-notice" data-testid="call-effects-notice">
          <span aria-hidden="true">💡 </span>
          {t(noticeKey(state.notice))}
        </p>
      )}
      <Button icon="🖼️" aria-expanded={open} data-testid="call-backgrounds-toggle" onClick={() => setOpen((o) => !o)}>
        {open ? t('backgrounds.closeChooser') : t('backgrounds.inCall')}
      </Button>
      {open && <Chooser />}
      <ErrorNote error={state.error} context="backgrounds" />
    </div>
  );
}
