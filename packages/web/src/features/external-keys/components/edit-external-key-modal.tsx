import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type {
  EditExternalKeyModal_ExternalKeyFragment,
  RoleMultiSelect_RoleFragment,
} from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { useUpdateExternalKey } from '../hooks/use-update-external-key';

export const EditExternalKeyModalExternalKeyFragment = graphql(`
  fragment EditExternalKeyModal_externalKey on ExternalKey {
    id
    key
    ownerAccount {
      id
      slug
      name
    }
    roles {
      id
    }
  }
`);

type EditFormProps = {
  externalKey: EditExternalKeyModal_ExternalKeyFragment;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

const EditExternalKeyForm = ({ externalKey, roles, onClose }: EditFormProps) => {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateExternalKey();
  const [roleIds, setRoleIds] = useState(() => externalKey.roles.map((role) => role.id));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await update({ variables: { input: { id: externalKey.id, roleIds } } });
      notifySuccess(t('externalKeys.editDialog.success'));
      onClose();
    } catch (error) {
      notifyFailure(t('externalKeys.editDialog.failure'), describeError(error, t));
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack>
        <TextInput
          label={t('externalKeys.addDialog.keyLabel')}
          value={externalKey.key}
          readOnly
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <TextInput
          label={t('externalKeys.editDialog.ownerLabel')}
          value={`${externalKey.ownerAccount.name} (${externalKey.ownerAccount.slug})`}
          readOnly
        />
        <RoleMultiSelect
          label={t('externalKeys.addDialog.rolesLabel')}
          description={t('externalKeys.editDialog.rolesDescription')}
          placeholder={t('externalKeys.addDialog.rolesPlaceholder')}
          roles={roles}
          value={roleIds}
          onChange={setRoleIds}
          data-testid="edit-external-key-roles-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="edit-external-key-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type EditExternalKeyModalProps = {
  opened: boolean;
  externalKey: EditExternalKeyModal_ExternalKeyFragment | null;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

export const EditExternalKeyModal = ({
  opened,
  externalKey,
  roles,
  onClose,
}: EditExternalKeyModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('externalKeys.editDialog.title')}
      size="lg"
      centered
      // What was typed is kept: a stray click outside does not close the form.
      closeOnClickOutside={false}
    >
      {externalKey && (
        <EditExternalKeyForm
          key={externalKey.id}
          externalKey={externalKey}
          roles={roles}
          onClose={onClose}
        />
      )}
    </Modal>
  );
};
