import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { App } from './shell/App';
import { requestFirstGraph } from './views/network/firstGraph';
import './styles.css';

// The app opens on the Network tab: its graph is asked for now, while React renders the shell.
requestFirstGraph();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
