import { Anchor, Breadcrumbs, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

const tabs = ['generated', 'external', 'settings'] as const;

export const ApiKeysLayout = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const activeTab = tabs.find((tab) => pathname.endsWith(`/${tab}`)) ?? 'generated';

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Text size="sm" c="dimmed">
          {t('nav.accountSettings')}
        </Text>
        <Anchor size="sm" component="span">
          {t('nav.apiKeys')}
        </Anchor>
      </Breadcrumbs>
      <Title order={1}>{t('nav.apiKeys')}</Title>
      <Tabs
        value={activeTab}
        onChange={(tab) => {
          if (tab) void navigate(`/account/api-keys/${tab}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('nav.tabsLabel')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`tab-${tab}`}>
              {t(`nav.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={activeTab} pt="md">
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
