import { Button, Group, Input, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type {
  ResourcePicker_ResourceFragment,
  RoleEditorModal_RoleFragment,
} from '../../../gql/graphql';
import { describeError, getErrorCode, getErrorField } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useCreateRole } from '../hooks/use-create-role';
import { useUpdateRole } from '../hooks/use-update-role';
import { maxRoleNameLength, roleNameError } from '../utils/role-name';
import { ResourcePicker } from './resource-picker';

export const RoleEditorModalRoleFragment = graphql(`
  fragment RoleEditorModal_role on Role {
    id
    name
    resources {
      key
    }
  }
`);

type RoleEditorFormProps = {
  role: RoleEditorModal_RoleFragment | null;
  resources: readonly ResourcePicker_ResourceFragment[];
  heldResourceKeys: readonly string[];
  onClose: () => void;
};

const RoleEditorForm = ({ role, resources, heldResourceKeys, onClose }: RoleEditorFormProps) => {
  const { t } = useTranslation();
  const [createRole, createState] = useCreateRole();
  const [updateRole, updateState] = useUpdateRole();
  const loading = createState.loading || updateState.loading;
  const [name, setName] = useState(role?.name ?? '');
  const [resourceKeys, setResourceKeys] = useState<string[]>(
    () => role?.resources.map((resource) => resource.key) ?? [],
  );
  const [nameError, setNameError] = useState<string | null>(null);
  const [resourcesError, setResourcesError] = useState<string | null>(null);

  const showServerError = (error: unknown) => {
    const code = getErrorCode(error);
    const field = getErrorField(error);
    if (code === 'CONFLICT' && (field === undefined || field === 'name')) {
      setNameError(t('roleAdmin.editor.nameTaken'));
    } else if (code === 'BAD_USER_INPUT' && field === 'name') {
      setNameError(t('roleAdmin.editor.nameTooLong'));
    } else if (code === 'FORBIDDEN') {
      setResourcesError(t('roleAdmin.editor.forbidden'));
    } else {
      notifyFailure(t('roleAdmin.editor.failure'), describeError(error, t));
    }
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const validationError = roleNameError(name);
    setNameError(validationError && t(validationError));
    setResourcesError(null);
    if (validationError) return;
    try {
      if (role) {
        await updateRole({
          variables: { input: { id: role.id, name: name.trim(), resourceKeys } },
        });
        notifySuccess(t('roleAdmin.editor.updateSuccess'));
      } else {
        await createRole({ variables: { input: { name: name.trim(), resourceKeys } } });
        notifySuccess(t('roleAdmin.editor.createSuccess'));
      }
      onClose();
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack>
        <TextInput
          label={t('roleAdmin.editor.nameLabel')}
          required
          maxLength={maxRoleNameLength + 20}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          data-autofocus
          data-testid="role-name-input"
        />
        <Input.Wrapper
          label={t('roleAdmin.editor.resourcesLabel')}
          description={t('roleAdmin.editor.resourcesDescription')}
          labelElement="div"
        >
          <ResourcePicker
            resources={resources}
            heldResourceKeys={heldResourceKeys}
            value={resourceKeys}
            onChange={setResourceKeys}
            error={resourcesError}
          />
        </Input.Wrapper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="role-editor-submit">
            {role ? t('common.save') : t('roleAdmin.editor.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type RoleEditorModalProps = {
  opened: boolean;
  /** The custom role to edit, or null to create one. */
  role: RoleEditorModal_RoleFragment | null;
  resources: readonly ResourcePicker_ResourceFragment[];
  heldResourceKeys: readonly string[];
  onClose: () => void;
};

export const RoleEditorModal = ({ opened, role, onClose, ...formProps }: RoleEditorModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={role ? t('roleAdmin.editor.editTitle') : t('roleAdmin.editor.createTitle')}
      size="lg"
      centered
      // What was typed is kept: a stray click outside does not close the form.
      closeOnClickOutside={false}
    >
      {opened && (
        <RoleEditorForm key={role?.id ?? 'new'} role={role} onClose={onClose} {...formProps} />
      )}
    </Modal>
  );
};
