import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settings-context';
import { canSpeak, speak } from '../media/speech';

export type ReadAloudProps = Readonly<{
  text: string;
  label?: string;
  /** Shown even when the "read aloud everywhere" setting is off (messages, invite codes). */
  always?: boolean;
}>;

/** A speaker button that reads `text` aloud, for children who cannot read yet. */
export function ReadAloud({ text, label, always = false }: ReadAloudProps): ReactElement | null {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  if (!canSpeak() || !(always || settings.readAloud)) return null;
  const name = label ?? t('common.readAloud');
  return (
    <button type="button" className="read-aloud" aria-label={name} title={name} onClick={() => speak(text, i18n.language)}>
      <span aria-hidden="true">🔊</span>
    </button>
  );
}
