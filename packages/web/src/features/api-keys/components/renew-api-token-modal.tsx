import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import type { OldTokenFate, TokenReveal } from '../../../gql/graphql';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useRenewApiToken } from '../hooks/use-renew-api-token';
import type { ApiKeySummary } from './api-key-summary';
import { revealedFrom, TokenRevealDialog, type Revealed } from './token-reveal-dialog';
import { TokenRevealChoice } from './token-reveal-choice';

export const oldTokenFates: readonly OldTokenFate[] = [
  'DELETE_NOW',
  'KEEP_UNTIL_DELETED',
  'EXPIRE_IN_1_HOUR',
  'EXPIRE_IN_24_HOURS',
  'EXPIRE_IN_7_DAYS',
];

const defaultFate: OldTokenFate = 'KEEP_UNTIL_DELETED';

type RenewApiTokenModalProps = {
  opened: boolean;
  apiKey: ApiKeySummary | null;
  onClose: () => void;
};

export const RenewApiTokenModal = ({ opened, apiKey, onClose }: RenewApiTokenModalProps) => {
  const { t } = useTranslation();
  const [renew, { loading }] = useRenewApiToken();
  const [fate, setFate] = useState<OldTokenFate>(defaultFate);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [reveal, setReveal] = useState<TokenReveal>('TOKEN');
  const [confirmingNow, setConfirmingNow] = useState(false);

  const close = () => {
    setReveal('TOKEN');
    setConfirmingNow(false);
    setFate(defaultFate);
    setError(null);
    setRevealed(null);
    onClose();
  };

  const handleSubmit = async (event: FormEvent | null, confirmed = false) => {
    event?.preventDefault();
    if (!apiKey) return;
    // Deleting the old token at once breaks whoever still uses it: ask once more.
    if (fate === 'DELETE_NOW' && !confirmed) {
      setConfirmingNow(true);
      return;
    }
    setError(null);
    try {
      const result = await renew({
        variables: { input: { id: apiKey.id, oldToken: fate, reveal } },
      });
      setConfirmingNow(false);
      const payload = result.data?.renewApiToken;
      if (!payload) return;
      setRevealed(revealedFrom(payload));
      notifySuccess(t('renewDialog.success'));
    } catch (caught) {
      setConfirmingNow(false);
      const message =
        getErrorCode(caught) === 'CONFLICT' ? t('renewDialog.conflict') : describeError(caught, t);
      setError(message);
      notifyFailure(t('renewDialog.failure'), message);
    }
  };

  return (
    <TokenRevealDialog
      opened={opened}
      onClose={close}
      title={revealed ? t('renewDialog.success') : t('renewDialog.title')}
      revealed={revealed}
      onRevealedChange={setRevealed}
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack>
          <Text>{t('renewDialog.body', { key: apiKey?.key ?? '' })}</Text>
          <Radio.Group
            label={t('renewDialog.fateLabel')}
            description={t('renewDialog.fateDescription')}
            value={fate}
            onChange={(value) => {
              const chosen = oldTokenFates.find((candidate) => candidate === value);
              if (chosen) setFate(chosen);
            }}
            data-testid="renew-fate"
          >
            <Stack gap="xs" mt="xs">
              {oldTokenFates.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={t(`renewDialog.fates.${option}`)}
                  data-testid={`renew-fate-${option}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Alert
            color={fate === 'DELETE_NOW' ? 'orange' : 'blue'}
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="renew-fate-effect"
          >
            {t(`renewDialog.effects.${fate}`)}
          </Alert>
          <TokenRevealChoice value={reveal} onChange={setReveal} />
          {error && (
            <Alert
              color="red"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              data-testid="renew-error"
            >
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="renew-submit">
              {t('renewDialog.confirm')}
            </Button>
          </Group>
        </Stack>
        <ConfirmModal
          opened={confirmingNow}
          onClose={() => setConfirmingNow(false)}
          title={t('renewDialog.deleteNowTitle')}
          confirmLabel={t('renewDialog.deleteNowConfirm')}
          confirmColor="red"
          onConfirm={() => void handleSubmit(null, true)}
          loading={loading}
          confirmTestId="confirm-renew-delete-now"
        >
          <Text>{t('renewDialog.deleteNowBody', { key: apiKey?.key ?? '' })}</Text>
        </ConfirmModal>
      </form>
    </TokenRevealDialog>
  );
};
