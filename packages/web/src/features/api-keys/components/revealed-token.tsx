import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/copy-field';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useFormatters } from '../../../lib/use-formatters';
import { resourceKeys, useCan } from '../../../lib/viewer-context';
import { useCreateSingleAccessLink } from '../hooks/use-create-single-access-link';

type SingleAccessLink = { url: string; expiresAt: string };

type RevealedTokenProps = {
  apiKey: string;
  /** The key's id; with it, a viewer who may renew tokens can trade the token for a link. */
  apiKeyId?: string;
  token: string | null;
  /** A link made instead of showing the token: the token is never on screen. */
  initialLink?: { path: string; expiresAt: string } | null;
  onClose: () => void;
  /** Called once the token has been traded for a link, so the parent forgets it too. */
  onTokenDiscarded?: () => void;
};

/** The only place a token is ever shown; it lives in component state until the dialog closes. */
export const RevealedToken = ({
  apiKey,
  apiKeyId,
  token: issuedToken,
  initialLink = null,
  onClose,
  onTokenDiscarded,
}: RevealedTokenProps) => {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const canRenew = useCan(resourceKeys.renewApiToken);
  const [createLink, { loading }] = useCreateSingleAccessLink();
  const [token, setToken] = useState<string | null>(issuedToken);
  const [link, setLink] = useState<SingleAccessLink | null>(() =>
    initialLink
      ? { url: `${window.location.origin}${initialLink.path}`, expiresAt: initialLink.expiresAt }
      : null,
  );

  const handleCreateLink = async () => {
    if (!apiKeyId || !token) return;
    try {
      const result = await createLink({ variables: { input: { apiKeyId, token } } });
      const payload = result.data?.createSingleAccessLink;
      if (!payload) return;
      setLink({ url: `${window.location.origin}${payload.path}`, expiresAt: payload.expiresAt });
      setToken(null);
      onTokenDiscarded?.();
      notifySuccess(t('singleAccessLink.created'));
    } catch (error) {
      notifyFailure(t('singleAccessLink.failure'), describeError(error, t));
    }
  };

  return (
    <Stack>
      {link ? (
        <Alert
          color="blue"
          icon={<IconLink size={18} aria-hidden />}
          title={t('singleAccessLink.title')}
          role="status"
        >
          {t('singleAccessLink.description')}
        </Alert>
      ) : (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('generateDialog.revealTitle')}
          role="alert"
        >
          {t('generateDialog.tokenWarning')}
        </Alert>
      )}
      <CopyField label={t('generateDialog.keyLabel')} value={apiKey} testId="revealed-key" />
      {token && (
        <CopyField label={t('generateDialog.tokenLabel')} value={token} testId="revealed-token" />
      )}
      {link && (
        <>
          <CopyField
            label={t('singleAccessLink.linkLabel')}
            value={link.url}
            testId="single-access-link"
          />
          <Text size="sm" c="dimmed" data-testid="single-access-link-expiry">
            {t('singleAccessLink.expires', { date: formatDateTime(link.expiresAt) })}
          </Text>
        </>
      )}
      <Group justify="space-between">
        {canRenew && apiKeyId && token ? (
          <Button
            variant="light"
            leftSection={<IconLink size={16} aria-hidden />}
            onClick={() => void handleCreateLink()}
            loading={loading}
            data-testid="create-single-access-link"
          >
            {t('singleAccessLink.create')}
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={onClose} data-testid="reveal-close">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
};
