import { Alert, Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { graphql } from '../../../gql';
import { ConfirmModal } from '../../../components/confirm-modal';
import { describeError, getErrorCode } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useDeleteRole } from '../hooks/use-delete-role';
import { serverMessage } from '../utils/server-message';

/** Who holds the role, asked as the dialog opens: the admin learns it before pressing Delete. */
export const RoleHoldersQueryDocument = graphql(`
  query RoleHolders($id: ID!) {
    roleHolders(id: $id) {
      userCount
      apiKeyCount
      users {
        id
        email
      }
      apiKeys {
        id
        key
        name
        external
      }
    }
  }
`);

type DeleteRoleModalProps = {
  opened: boolean;
  role: { id: string; name: string } | null;
  onClose: () => void;
};

export const DeleteRoleModal = ({ opened, role, onClose }: DeleteRoleModalProps) => {
  const { t } = useTranslation();
  const [deleteRole, { loading }] = useDeleteRole();
  const [conflict, setConflict] = useState<string | null>(null);
  const { data: holdersData } = useQuery(RoleHoldersQueryDocument, {
    variables: { id: role?.id ?? '' },
    skip: !opened || !role,
    fetchPolicy: 'network-only',
  });
  const holders = holdersData?.roleHolders;
  const held = holders ? holders.userCount + holders.apiKeyCount > 0 : false;

  const close = () => {
    setConflict(null);
    onClose();
  };

  const handleConfirm = async () => {
    if (!role) return;
    setConflict(null);
    try {
      await deleteRole({ variables: { input: { id: role.id } } });
      notifySuccess(t('roleAdmin.deleteDialog.success'));
      close();
    } catch (error) {
      // The server says how many users and keys still hold the role: show it where it helps.
      if (getErrorCode(error) === 'CONFLICT') {
        setConflict(serverMessage(error) ?? describeError(error, t));
      } else {
        notifyFailure(t('roleAdmin.deleteDialog.failure'), describeError(error, t));
      }
    }
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('roleAdmin.deleteDialog.title')}
      confirmLabel={t('roleAdmin.deleteDialog.confirm')}
      confirmColor="red"
      onConfirm={() => void handleConfirm()}
      loading={loading}
      confirmDisabled={conflict !== null || held}
      confirmTestId="confirm-delete-role"
    >
      <Text>{t('roleAdmin.deleteDialog.body', { name: role?.name ?? '' })}</Text>
      {holders && held && role && (
        <Alert
          color="orange"
          title={t('roleAdmin.deleteDialog.inUse')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="delete-role-holders"
        >
          <Text size="sm">
            {t('roleAdmin.deleteDialog.heldBy', {
              users: t('roleAdmin.deleteDialog.users', { count: holders.userCount }),
              keys: t('roleAdmin.deleteDialog.keys', { count: holders.apiKeyCount }),
            })}
          </Text>
          <List size="sm" mt="xs">
            {holders.users.map((holder) => (
              <List.Item key={holder.id}>
                <Anchor component={Link} to="/account/users" onClick={close}>
                  {holder.email}
                </Anchor>
              </List.Item>
            ))}
            {holders.apiKeys.map((holder) => (
              <List.Item key={holder.id}>
                <Anchor
                  component={Link}
                  to={`/account/api-keys/${holder.external ? 'external' : 'generated'}?role=${encodeURIComponent(role.id)}`}
                  onClick={close}
                  ff="monospace"
                >
                  {holder.key}
                </Anchor>{' '}
                {holder.name}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {conflict && !held && (
        <Alert
          color="orange"
          role="alert"
          title={t('roleAdmin.deleteDialog.inUse')}
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="delete-role-conflict"
        >
          {conflict}
        </Alert>
      )}
    </ConfirmModal>
  );
};
