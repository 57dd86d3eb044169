/** The renderer's entry: finds `window.hearth` (preload) or builds it (web host), then renders. */
import './styles/emoji-font.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createWebBridge } from './bridge/web-bridge';
import { createCallSlots } from './calls';
import { createI18n, resolveLanguage } from './i18n/create-i18n';

const hearth = window.hearth ?? createWebBridge(window.location);
const i18n = createI18n(resolveLanguage('auto', navigator.languages));
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App hearth={hearth} i18n={i18n} slots={createCallSlots()} />
    </StrictMode>,
  );
}
