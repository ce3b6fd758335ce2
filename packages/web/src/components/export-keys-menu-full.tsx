import { Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOnDemandStart, type OnDemandProps } from './on-demand';
import { ExportKeysButton, type ExportTab } from './export-keys-menu';

/** Languages whose spreadsheets use a decimal comma, and so split CSV cells on semicolons. */
const semicolonLanguages = ['pt', 'es'];

/**
 * CSV: this tab's keys, with semicolons where the language uses a decimal comma. XLSX: both tabs
 * as sheets. Headers, statuses and sheet names follow the app's language (`lang`).
 */
export const keysExportHref = (format: 'csv' | 'xlsx', tab: ExportTab, language: string) => {
  const params = new URLSearchParams({ format });
  if (format === 'csv') params.set('tab', tab);
  params.set('lang', language);
  if (format === 'csv' && semicolonLanguages.includes(language.slice(0, 2).toLowerCase())) {
    params.set('sep', 'semicolon');
  }
  return `/api/keys/export?${params.toString()}`;
};

/** The export menu itself, loaded by `ExportKeysMenu` when its button is first reached for. */
export const ExportKeysMenuFull = ({ tab, start }: { tab: ExportTab } & OnDemandProps) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const targetRef = useOnDemandStart<HTMLButtonElement>(start);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ExportKeysButton ref={targetRef} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('keysExport.description')}</Menu.Label>
        <Menu.Item
          component="a"
          href={keysExportHref('csv', tab, language)}
          download
          leftSection={<IconFileText size={16} aria-hidden />}
          data-testid="export-csv"
        >
          {t(`keysExport.csvTab.${tab}`)}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={keysExportHref('xlsx', tab, language)}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid="export-xlsx"
        >
          {t('keysExport.xlsxBoth')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
