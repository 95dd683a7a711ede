import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n';
import { App } from './shell/App';
import { requestFirstGraph } from './views/network/firstGraph';
import './styles.css';

// The app opens on the Network tab: its graph is asked for now, while React renders the shell.
requestFirstGraph();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const reactRoot = createRoot(root);
// As a transition React renders the shell in short slices, yielding to the browser between them, instead of in one
// long task.
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
);
