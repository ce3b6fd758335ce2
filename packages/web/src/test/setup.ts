import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../lib/i18n';
import { messages as en } from '../lib/locale-bundles/en';
import { messages as es } from '../lib/locale-bundles/es';
import { messages as ptBR } from '../lib/locale-bundles/pt-br';
import { messages as enAreas } from '../lib/locale-bundles/areas-en';
import { messages as esAreas } from '../lib/locale-bundles/areas-es';
import { messages as ptBRAreas } from '../lib/locale-bundles/areas-pt-br';

// The app loads one language at a time; tests switch freely, so all three are there at once.
for (const [language, messages] of [
  ['en', { ...en, ...enAreas }],
  ['pt-BR', { ...ptBR, ...ptBRAreas }],
  ['es', { ...es, ...esAreas }],
] as const) {
  i18n.addResourceBundle(language, 'translation', messages, true, true);
}

// Filters commit after a 300 ms debounce; on a loaded two-core CI machine rendering each
// keystroke in jsdom can take most of the default 1 s wait (seen failing once in CI).
configure({ asyncUtilTimeout: 3000 });

// jsdom lacks the layout APIs Mantine's components ask for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

window.HTMLElement.prototype.scrollIntoView = () => {};

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
