import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { HearthApi } from '@hearth/common';
import { HearthProvider } from './app/hearth-context';
import { Root } from './app/Root';
import { SlotsProvider, type ScreenSlots } from './app/slots';

export type AppProps = Readonly<{
  hearth: HearthApi;
  i18n: I18n;
  /** Where other features plug their buttons and screens in (calls). Default none. */
  slots?: ScreenSlots;
}>;

/** The whole renderer: every screen, in the language of this PC, talking to main through `hearth`. */
export function App({ hearth, i18n, slots = {} }: AppProps): ReactElement {
  return (
    <I18nextProvider i18n={i18n}>
      <HearthProvider api={hearth}>
        <SlotsProvider slots={slots}>
          <Root />
        </SlotsProvider>
      </HearthProvider>
    </I18nextProvider>
  );
}
