/** The renderer's entry: finds `window.hearth` (preload) or builds it (web host), then renders. */
import './styles/emoji-font.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { StaleLink } from './app/StaleLink';
import { createWebBridge } from './bridge/web-bridge';
import { createCallSlots } from './calls';
import { createI18n, resolveLanguage } from './i18n/create-i18n';

const i18n = createI18n(resolveLanguage('auto', navigator.languages));
const element = document.getElementById('root');
const root = element ? createRoot(element) : null;
let linkRefused = false;
// The web host refused this tab's link: the whole app gives way to what to do about it.
const showStaleLink = (): void => {
  linkRefused = true;
  root?.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StaleLink />
      </I18nextProvider>
    </StrictMode>,
  );
};
const hearth = window.hearth ?? createWebBridge(window.location, { onRefused: showStaleLink });
if (!linkRefused) {
  root?.render(
    <StrictMode>
      <App hearth={hearth} i18n={i18n} slots={createCallSlots()} />
    </StrictMode>,
  );
}
