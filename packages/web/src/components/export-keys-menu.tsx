import { Button } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { onDemandControl } from './on-demand';

export type ExportTab = 'generated' | 'external';

/** The button that opens the export menu (alone until the menu's code is reached for). */
export const ExportKeysButton = (props: ComponentProps<'button'>) => {
  const { t } = useTranslation();
  return (
    <Button
      {...props}
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      rightSection={<IconChevronDown size={14} aria-hidden />}
      data-testid="export-menu"
    >
      {t('keysExport.menu')}
    </Button>
  );
};

/** S3: the account's keys, downloaded by the browser (same cookie), from either tab. */
export const ExportKeysMenu = onDemandControl<{ tab: ExportTab }>(
  () => import('./export-keys-menu-full').then((module) => module.ExportKeysMenuFull),
  () => <ExportKeysButton />,
);
