import { Alert, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/confirm-modal';
import { graphql } from '../../../gql';
import type { PendingInvitationsQuery } from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifySuccess } from '../../../lib/notify';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { useFormatters } from '../../../lib/use-formatters';
import { useRevokeInvitation } from '../hooks/use-revoke-invitation';

export const PendingInvitationsQueryDocument = graphql(`
  query PendingInvitations {
    invitations {
      id
      email
      invitedBy
      expiresAt
      roles {
        id
        name
      }
      viewerLacks {
        key
        name
      }
    }
  }
`);

type Invitation = PendingInvitationsQuery['invitations'][number];

/** Invitations nobody accepted yet; they become members only when the invited person accepts. */
export const PendingInvitations = ({ canEdit }: { canEdit: boolean }) => {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const { data } = useQuery(PendingInvitationsQueryDocument);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [revokeInvitation, { loading }] = useRevokeInvitation();
  const invitations = data?.invitations ?? [];
  if (invitations.length === 0) return null;

  const close = () => {
    setFailure(null);
    setRevoking(null);
  };
  const confirm = async () => {
    if (!revoking) return;
    setFailure(null);
    try {
      await revokeInvitation({ variables: { input: { id: revoking.id } } });
      notifySuccess(t('members.invitations.revoked', { email: revoking.email }));
      close();
    } catch (error) {
      setFailure(describeError(error, t));
    }
  };

  return (
    <Stack gap="xs" data-testid="pending-invitations">
      <Title order={2} size="h4">
        {t('members.invitations.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('members.invitations.intro')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('members.invitations.title')} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.columns.user')}</Table.Th>
              <Table.Th>{t('members.columns.roles')}</Table.Th>
              <Table.Th>{t('members.invitations.invitedBy')}</Table.Th>
              <Table.Th>{t('members.invitations.expiresAt')}</Table.Th>
              {canEdit && <Table.Th aria-label={t('members.columns.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id} data-testid="invitation-row">
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {invitation.roles.map((role) => (
                      <Badge key={role.id} variant="light">
                        {role.name}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{invitation.invitedBy}</Table.Td>
                <Table.Td>
                  <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <RevokeInvitationButton
                      invitation={invitation}
                      onRevoke={() => setRevoking(invitation)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={revoking !== null}
        onClose={close}
        title={t('members.invitations.revokeTitle')}
        confirmLabel={t('members.invitations.revoke')}
        confirmColor="red"
        onConfirm={() => void confirm()}
        loading={loading}
        confirmTestId="confirm-revoke-invitation"
      >
        <Text>{t('members.invitations.revokeBody', { email: revoking?.email ?? '' })}</Text>
        {failure && (
          <Alert
            color="red"
            role="alert"
            title={t('members.invitations.revokeFailure')}
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="revoke-invitation-error"
          >
            {failure}
          </Alert>
        )}
      </ConfirmModal>
    </Stack>
  );
};

/** Greyed out, with the reason, when the invitation grants resources the viewer lacks. */
const RevokeInvitationButton = ({
  invitation,
  onRevoke,
}: {
  invitation: Invitation;
  onRevoke: () => void;
}) => {
  const { t } = useTranslation();
  const lackReason = useAuthorityReason(invitation.viewerLacks);
  return (
    <Tooltip label={lackReason} disabled={!lackReason} multiline w={260}>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        {...(lackReason
          ? { 'data-disabled': true, 'aria-disabled': true, onClick: () => undefined }
          : { onClick: onRevoke })}
        aria-label={t('members.invitations.revokeFor', { email: invitation.email })}
      >
        {t('members.invitations.revoke')}
      </Button>
    </Tooltip>
  );
};
