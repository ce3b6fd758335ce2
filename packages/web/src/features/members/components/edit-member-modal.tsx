import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type {
  EditMemberModal_MemberFragment,
  RoleMultiSelect_RoleFragment,
} from '../../../gql/graphql';
import { notifySuccess } from '../../../lib/notify';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { useUpdateMember } from '../hooks/use-update-member';
import { memberChangeError } from '../utils/member-errors';

export const EditMemberModalMemberFragment = graphql(`
  fragment EditMemberModal_member on Member {
    id
    user {
      id
      email
    }
    roles {
      id
    }
  }
`);

type EditFormProps = {
  member: EditMemberModal_MemberFragment;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

const EditMemberForm = ({ member, roles, onClose }: EditFormProps) => {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateMember();
  const [roleIds, setRoleIds] = useState(() => member.roles.map((role) => role.id));
  const [failure, setFailure] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await update({ variables: { input: { id: member.id, roleIds } } });
      notifySuccess(t('members.editDialog.success'));
      onClose();
    } catch (error) {
      setFailure(memberChangeError(error, t));
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack>
        {failure && (
          <Alert
            color="red"
            role="alert"
            title={t('members.editDialog.failure')}
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="edit-member-error"
          >
            {failure}
          </Alert>
        )}
        <RoleMultiSelect
          label={t('members.addDialog.rolesLabel')}
          placeholder={t('members.addDialog.rolesPlaceholder')}
          roles={roles}
          value={roleIds}
          onChange={setRoleIds}
          data-testid="edit-member-roles-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="edit-member-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type EditMemberModalProps = {
  opened: boolean;
  member: EditMemberModal_MemberFragment | null;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

export const EditMemberModal = ({ opened, member, roles, onClose }: EditMemberModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('members.editDialog.title', { email: member?.user.email ?? '' })}
      size="lg"
      centered
      // What was typed is kept: a stray click outside does not close the form.
      closeOnClickOutside={false}
    >
      {member && opened && (
        <EditMemberForm key={member.id} member={member} roles={roles} onClose={onClose} />
      )}
    </Modal>
  );
};
