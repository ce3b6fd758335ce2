import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n';
import { renderWithProviders } from '../test/render';
import { ExportKeysMenu } from './export-keys-menu';

const query = (href: string | null) =>
  Object.fromEntries(new URLSearchParams((href ?? '').split('?')[1]));

describe('ExportKeysMenu', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('exports this tab as CSV and both tabs as XLSX, in the viewer’s language', async () => {
    const { user } = renderWithProviders(<ExportKeysMenu tab="generated" />);
    await user.click(screen.getByTestId('export-menu'));
    expect(query((await screen.findByTestId('export-csv')).getAttribute('href'))).toEqual({
      format: 'csv',
      tab: 'generated',
      lang: 'en',
    });
    expect(query(screen.getByTestId('export-xlsx').getAttribute('href'))).toEqual({
      format: 'xlsx',
      lang: 'en',
    });
  });

  it('uses semicolons for a language with a decimal comma, on the External tab too', async () => {
    await i18n.changeLanguage('pt-BR');
    const { user } = renderWithProviders(<ExportKeysMenu tab="external" />);
    await user.click(screen.getByTestId('export-menu'));
    expect(query((await screen.findByTestId('export-csv')).getAttribute('href'))).toEqual({
      format: 'csv',
      tab: 'external',
      lang: 'pt-BR',
      sep: 'semicolon',
    });
  });
});
