import { Alert, Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type {
  EditApiKeyModal_ApiKeyFragment,
  RoleMultiSelect_RoleFragment,
} from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useUpdateApiKey } from '../hooks/use-update-api-key';
import { keyNameError } from '../utils/key-name';
import { nameFieldError } from '../utils/mutation-errors';
import { KeyCreator } from './key-creator';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { KeyPolicyFields } from './key-policy-fields';
import { useKeyPolicyForm } from '../hooks/use-key-policy-form';

export const EditApiKeyModalApiKeyFragment = graphql(`
  fragment EditApiKeyModal_apiKey on ApiKey {
    id
    key
    name
    status
    roles {
      id
    }
    grantedAccounts {
      id
      slug
      name
    }
    allowedAddresses
    rateLimitPerMinute
    rateLimitPerDay
    leaked
    leakedAt
    leakedUrl
    ...KeyCreator_apiKey
  }
`);

type EditFormProps = {
  apiKey: EditApiKeyModal_ApiKeyFragment;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

const EditApiKeyForm = ({ apiKey, roles, onClose }: EditFormProps) => {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateApiKey();
  const [name, setName] = useState(apiKey.name);
  const [roleIds, setRoleIds] = useState(() => apiKey.roles.map((role) => role.id));
  const [active, setActive] = useState(apiKey.status === 'ACTIVE');
  const [nameError, setNameError] = useState<string | null>(null);
  const policies = useKeyPolicyForm(apiKey);
  // A status change through the switch asks the same question as the row menu (issue 15 §3).
  const [confirmingStatus, setConfirmingStatus] = useState(false);
  const statusChanges = active !== (apiKey.status === 'ACTIVE');
  const statusDialog = active ? 'activateDialog' : 'deactivateDialog';

  const handleSubmit = async (event: FormEvent | null, confirmed = false) => {
    event?.preventDefault();
    const validationError = keyNameError(name);
    setNameError(validationError && t(validationError));
    const policiesValid = policies.validate();
    if (validationError || !policiesValid) return;
    if (statusChanges && !confirmed) {
      setConfirmingStatus(true);
      return;
    }
    try {
      await update({
        variables: {
          input: { id: apiKey.id, name: name.trim(), roleIds, active, ...policies.input() },
        },
      });
      setConfirmingStatus(false);
      notifySuccess(t('editDialog.success'));
      onClose();
    } catch (error) {
      setConfirmingStatus(false);
      // A field error (a duplicate name, a refused address) is the one message; else a toast.
      const fieldError = nameFieldError(error, t);
      setNameError(fieldError);
      if (!fieldError && !policies.showServerError(error))
        notifyFailure(t('editDialog.failure'), describeError(error, t));
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack>
        <TextInput
          label={t('generateDialog.keyLabel')}
          value={apiKey.key}
          readOnly
          ff="monospace"
        />
        {apiKey.leaked && (
          <Alert color="red" title={t('keys.leaked.badge')} data-testid="edit-api-key-leaked">
            {t('keys.leaked.foundAt', { url: apiKey.leakedUrl ?? '' })}
          </Alert>
        )}
        <Stack gap={4} data-testid="edit-api-key-created-by">
          <Text size="sm" fw={500}>
            {t('createdBy.detail')}
          </Text>
          <KeyCreator apiKey={apiKey} />
        </Stack>
        {apiKey.grantedAccounts.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="edit-api-key-granted-accounts">
            {t('editDialog.grantedIn', {
              accounts: apiKey.grantedAccounts.map((account) => account.slug).join(', '),
            })}
          </Text>
        )}
        <TextInput
          label={t('generateDialog.nameLabel')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          data-autofocus
          data-testid="edit-api-key-name-input"
        />
        <RoleMultiSelect
          label={t('generateDialog.rolesLabel')}
          placeholder={t('generateDialog.rolesPlaceholder')}
          roles={roles}
          value={roleIds}
          onChange={setRoleIds}
          data-testid="edit-api-key-roles-input"
        />
        <KeyPolicyFields form={policies} testIdPrefix="edit-api-key" />
        <Switch
          label={t('editDialog.activeLabel')}
          description={t('editDialog.activeDescription')}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
          data-testid="edit-api-key-active"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="edit-api-key-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmingStatus}
        onClose={() => setConfirmingStatus(false)}
        title={t(`${statusDialog}.title`)}
        confirmLabel={t(`${statusDialog}.confirm`)}
        confirmColor={active ? 'green' : 'orange'}
        onConfirm={() => void handleSubmit(null, true)}
        loading={loading}
        confirmTestId={active ? 'confirm-activate' : 'confirm-deactivate'}
        cancelTestId="edit-status-cancel"
      >
        <Text>{t(`${statusDialog}.body`, { key: apiKey.key })}</Text>
      </ConfirmModal>
    </form>
  );
};

type EditApiKeyModalProps = {
  opened: boolean;
  apiKey: EditApiKeyModal_ApiKeyFragment | null;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

export const EditApiKeyModal = ({ opened, apiKey, roles, onClose }: EditApiKeyModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('editDialog.title')}
      size="lg"
      centered
      // What was typed is kept: only Cancel, Escape or the close button leave.
      closeOnClickOutside={false}
    >
      {apiKey && <EditApiKeyForm key={apiKey.id} apiKey={apiKey} roles={roles} onClose={onClose} />}
    </Modal>
  );
};
