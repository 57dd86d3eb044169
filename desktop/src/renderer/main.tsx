/** The renderer's entry: finds `window.hearth` (preload) or builds it (web host), then renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createWebBridge } from './bridge/web-bridge';

const hearth = window.hearth ?? createWebBridge(window.location);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App hearth={hearth} />
    </StrictMode>,
  );
}
