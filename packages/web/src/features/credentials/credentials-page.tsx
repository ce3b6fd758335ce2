import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockX, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CopyField } from '../../components/copy-field';
import { ErrorAlert } from '../../components/error-alert';
import { LanguageSwitcher } from '../../components/language-switcher';
import { getErrorCode } from '../../lib/graphql-errors';
import { useRevealSingleAccessLink } from './use-reveal-single-access-link';

type Credentials = { key: string; token: string };

type PageState =
  | { kind: 'waiting' }
  | { kind: 'revealed'; credentials: Credentials }
  | { kind: 'expired' }
  | { kind: 'failed'; error: unknown };

/**
 * Public page behind a single-access link. Nothing happens until the visitor clicks, so link
 * previews and crawlers that fetch the URL do not burn the link.
 */
export const CredentialsPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [reveal, { loading }] = useRevealSingleAccessLink();
  const [state, setState] = useState<PageState>({ kind: 'waiting' });

  const handleReveal = async () => {
    try {
      const result = await reveal({ variables: { input: { id } } });
      const payload = result.data?.revealSingleAccessLink;
      if (payload) setState({ kind: 'revealed', credentials: payload });
    } catch (error) {
      setState(
        getErrorCode(error) === 'NOT_FOUND' ? { kind: 'expired' } : { kind: 'failed', error },
      );
    }
  };

  const renderBody = () => {
    switch (state.kind) {
      case 'revealed':
        return (
          <>
            <Alert
              color="yellow"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('generateDialog.revealTitle')}
              role="alert"
            >
              {t('credentials.revealedWarning')}
            </Alert>
            <CopyField
              label={t('generateDialog.keyLabel')}
              value={state.credentials.key}
              testId="credentials-key"
            />
            <CopyField
              label={t('generateDialog.tokenLabel')}
              value={state.credentials.token}
              testId="credentials-token"
            />
          </>
        );
      case 'expired':
        return (
          <Alert
            color="gray"
            icon={<IconClockX size={18} aria-hidden />}
            title={t('credentials.expiredTitle')}
            role="alert"
            data-testid="credentials-expired"
          >
            {t('credentials.expiredDescription')}
          </Alert>
        );
      default:
        return (
          <>
            <Text>{t('credentials.intro')}</Text>
            {state.kind === 'failed' && <ErrorAlert error={state.error} />}
            <Button
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={() => void handleReveal()}
              loading={loading}
              disabled={!id}
              data-testid="credentials-reveal"
            >
              {t('credentials.reveal')}
            </Button>
          </>
        );
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={560}>
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={1} size="h3">
              {t('credentials.title')}
            </Title>
            <LanguageSwitcher />
          </Group>
          {renderBody()}
        </Stack>
      </Paper>
    </Center>
  );
};
