/** Renders the app into the page: the last step of the renderer's start (main.tsx). */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n';
import { App } from './App';
// After the app's modules, as before: the app-wide rules come last in the cascade.
import '../styles.css';

export function renderApp(root: HTMLElement): void {
  const reactRoot = createRoot(root);
  // As a transition React renders the shell in short slices, yielding to the browser between them, instead of in
  // one long task.
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <I18nProvider>
          <App />
        </I18nProvider>
      </StrictMode>,
    ),
  );
}
