import { Button, Checkbox, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoints_EndpointFragment, WebhookEventType } from '../../../gql/graphql';
import { describeError, getErrorCode, getErrorField } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import {
  useCreateWebhookEndpoint,
  useUpdateWebhookEndpoint,
} from '../hooks/use-webhook-endpoint-mutations';
import { webhookEventGroups } from './webhook-event-types';

type WebhookEndpointModalProps = {
  opened: boolean;
  /** Null: a new endpoint. */
  endpoint: WebhookEndpoints_EndpointFragment | null;
  onClose: () => void;
};

type FieldErrors = { url?: string; description?: string; eventTypes?: string };

const WebhookEndpointForm = ({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpoints_EndpointFragment | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(endpoint?.eventTypes ?? []);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [create, { loading: creating }] = useCreateWebhookEndpoint();
  const [update, { loading: updating }] = useUpdateWebhookEndpoint();

  const submit = async () => {
    if (eventTypes.length === 0) {
      setErrors({ eventTypes: t('webhooks.form.eventsRequired') });
      return;
    }
    setErrors({});
    try {
      if (endpoint) {
        await update({
          variables: { input: { id: endpoint.id, url, description, eventTypes, active } },
        });
        notifySuccess(t('webhooks.form.saved'));
      } else {
        await create({ variables: { input: { url, description, eventTypes } } });
        notifySuccess(t('webhooks.form.created'));
      }
      onClose();
    } catch (error) {
      const code = getErrorCode(error);
      const field = getErrorField(error);
      if (
        code === 'BAD_USER_INPUT' &&
        (field === 'url' || field === 'description' || field === 'eventTypes')
      ) {
        setErrors({ [field]: describeError(error, t) });
      } else if (code === 'CONFLICT') {
        setErrors({ url: t('webhooks.form.limit') });
      } else {
        notifyFailure(t('webhooks.form.failure'), describeError(error, t));
      }
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <TextInput
          label={t('webhooks.form.url')}
          description={t('webhooks.form.urlDescription')}
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={errors.url}
          required
          type="url"
          data-testid="webhook-url"
        />
        <TextInput
          label={t('webhooks.form.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
          maxLength={200}
        />
        <Checkbox.Group
          label={t('webhooks.form.events')}
          value={eventTypes}
          onChange={(values) => setEventTypes(values)}
          error={errors.eventTypes}
          required
        >
          <Stack gap="sm" mt="xs">
            {webhookEventGroups.map(({ group, types }) => (
              <Stack key={group} gap={4} role="group" aria-label={t(`webhooks.groups.${group}`)}>
                <Text size="sm" fw={600}>
                  {t(`webhooks.groups.${group}`)}
                </Text>
                <Group gap="md">
                  {types.map((type) => (
                    <Checkbox key={type} value={type} label={t(`webhooks.events.${type}`)} />
                  ))}
                </Group>
              </Stack>
            ))}
          </Stack>
        </Checkbox.Group>
        {endpoint && (
          <Switch
            label={t('webhooks.form.active')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={creating || updating}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={creating || updating} data-testid="webhook-save">
            {t('webhooks.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const WebhookEndpointModal = ({ opened, endpoint, onClose }: WebhookEndpointModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.addTitle')}
      size="lg"
      centered
    >
      {/* Keyed so each opening starts from the endpoint's current values. */}
      {opened && (
        <WebhookEndpointForm key={endpoint?.id ?? 'new'} endpoint={endpoint} onClose={onClose} />
      )}
    </Modal>
  );
};
