import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export const keysExportHref = (format: 'csv' | 'xlsx') => `/api/keys/export?format=${format}`;

/** S3: every generated and external key of the account, downloaded by the browser (same cookie). */
export const ExportKeysMenu = () => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="export-menu"
        >
          {t('keysExport.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('keysExport.description')}</Menu.Label>
        <Menu.Item
          component="a"
          href={keysExportHref('csv')}
          download
          leftSection={<IconFileText size={16} aria-hidden />}
          data-testid="export-csv"
        >
          {t('keysExport.csv')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={keysExportHref('xlsx')}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid="export-xlsx"
        >
          {t('keysExport.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
