import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/copy-field';
import type { RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import { describeError, getErrorCode, getErrorField } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { useInviteMember } from '../hooks/use-invite-member';

type InvitationLink = { email: string; url: string };

type InviteMemberModalProps = {
  opened: boolean;
  onClose: () => void;
  roles: readonly RoleMultiSelect_RoleFragment[];
};

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

const emailFieldError = (error: unknown, t: TFunction): string | null => {
  const code = getErrorCode(error);
  const field = getErrorField(error);
  if (code === 'CONFLICT' && field === 'email') return t('members.addDialog.alreadyMember');
  if (code === 'BAD_USER_INPUT' && field === 'email') return t('members.addDialog.emailInvalid');
  return null;
};

export const InviteMemberModal = ({ opened, onClose, roles }: InviteMemberModalProps) => {
  const { t } = useTranslation();
  const [inviteMember, { loading }] = useInviteMember();
  const [email, setEmail] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [setupLink, setSetupLink] = useState<InvitationLink | null>(null);

  const close = () => {
    setEmail('');
    setRoleIds([]);
    setEmailError(null);
    setSetupLink(null);
    onClose();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const validationError = !trimmed
      ? t('members.addDialog.emailRequired')
      : looksLikeEmail(trimmed)
        ? null
        : t('members.addDialog.emailInvalid');
    setEmailError(validationError);
    if (validationError) return;
    try {
      const result = await inviteMember({ variables: { input: { email: trimmed, roleIds } } });
      const payload = result.data?.inviteMember;
      if (!payload) return;
      const invitedEmail = payload.invitation.email;
      notifySuccess(t('members.addDialog.success', { email: invitedEmail }));
      // Every invitation gets a link, whether or not the email already has an account.
      setSetupLink({
        email: invitedEmail,
        url: `${window.location.origin}${payload.invitationPath}`,
      });
    } catch (error) {
      const fieldError = emailFieldError(error, t);
      setEmailError(fieldError);
      if (!fieldError) notifyFailure(t('members.addDialog.failure'), describeError(error, t));
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        setupLink
          ? t('members.addDialog.setupTitle', { email: setupLink.email })
          : t('members.addDialog.title')
      }
      size="lg"
      centered
      // A stray click must throw away neither what was typed nor a link shown only once.
      closeOnClickOutside={false}
      closeOnEscape={!setupLink}
    >
      {setupLink ? (
        <Stack>
          <Alert
            color="yellow"
            role="alert"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="setup-link-warning"
          >
            {t('members.addDialog.setupWarning')}
          </Alert>
          <CopyField
            label={t('members.addDialog.setupLinkLabel')}
            value={setupLink.url}
            testId="setup-link"
          />
          <Group justify="flex-end">
            <Button onClick={close} data-testid="setup-link-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack>
            <TextInput
              label={t('members.addDialog.emailLabel')}
              description={t('members.addDialog.emailDescription')}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError}
              data-autofocus
              data-testid="member-email-input"
            />
            <RoleMultiSelect
              label={t('members.addDialog.rolesLabel')}
              placeholder={t('members.addDialog.rolesPlaceholder')}
              roles={roles}
              value={roleIds}
              onChange={setRoleIds}
              data-testid="member-roles-input"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={loading}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={loading} data-testid="add-member-submit">
                {t('members.addDialog.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
};
