import './app/mantine-styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { trackDialogOpeners } from './app/focus-return';
import { i18nReady } from './lib/i18n';

trackDialogOpeners();

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

// The language in use loads its messages (one chunk) before the first render.
void i18nReady.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
