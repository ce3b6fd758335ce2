import { Button, CopyButton, Group, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type CopyFieldProps = { label: string; value: string; testId: string };

/** A read-only monospace value with a Copy button, for keys, tokens and links shown once. */
export const CopyField = ({ label, value, testId }: CopyFieldProps) => {
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
            aria-label={`${copied ? t('generateDialog.copied') : t('generateDialog.copy')}: ${label}`}
            data-testid={`${testId}-copy`}
          >
            {copied ? t('generateDialog.copied') : t('generateDialog.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
};
