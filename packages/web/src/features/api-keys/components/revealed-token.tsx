import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type CopyFieldProps = { label: string; value: string; copyLabel: string; testId: string };

const CopyField = ({ label, value, copyLabel, testId }: CopyFieldProps) => {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        ff="monospace"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onFocus={(event) => event.currentTarget.select()}
        data-testid={testId}
        style={{ flex: 1 }}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'filled' : 'light'}
            color={copied ? 'teal' : undefined}
            leftSection={
              copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
            }
            onClick={copy}
            aria-label={`${copied ? t('generateDialog.copied') : t('generateDialog.copy')}: ${copyLabel}`}
            data-testid={`${testId}-copy`}
          >
            {copied ? t('generateDialog.copied') : t('generateDialog.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
};

type RevealedTokenProps = { apiKey: string; token: string; onClose: () => void };

/** The only place a token is ever shown; it lives in component state until the dialog closes. */
export const RevealedToken = ({ apiKey, token, onClose }: RevealedTokenProps) => {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={t('generateDialog.revealTitle')}
        role="alert"
      >
        {t('generateDialog.tokenWarning')}
      </Alert>
      <CopyField
        label={t('generateDialog.keyLabel')}
        value={apiKey}
        copyLabel={t('generateDialog.keyLabel')}
        testId="revealed-key"
      />
      <CopyField
        label={t('generateDialog.tokenLabel')}
        value={token}
        copyLabel={t('generateDialog.tokenLabel')}
        testId="revealed-token"
      />
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="reveal-close">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
};
