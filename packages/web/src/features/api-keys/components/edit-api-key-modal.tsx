import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
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

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const validationError = keyNameError(name);
    setNameError(validationError && t(validationError));
    if (validationError) return;
    try {
      await update({ variables: { input: { id: apiKey.id, name: name.trim(), roleIds, active } } });
      notifySuccess(t('editDialog.success'));
      onClose();
    } catch (error) {
      setNameError(nameFieldError(error, t));
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
        <Stack gap={4} data-testid="edit-api-key-created-by">
          <Text size="sm" fw={500}>
            {t('createdBy.detail')}
          </Text>
          <KeyCreator apiKey={apiKey} />
        </Stack>
        {apiKey.grantedAccounts.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="edit-api-key-granted-accounts">
            {t('externalKeys.grantedIn', {
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
    <Modal opened={opened} onClose={onClose} title={t('editDialog.title')} size="lg" centered>
      {apiKey && <EditApiKeyForm key={apiKey.id} apiKey={apiKey} roles={roles} onClose={onClose} />}
    </Modal>
  );
};
