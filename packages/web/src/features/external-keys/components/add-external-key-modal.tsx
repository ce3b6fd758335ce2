import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { useAddExternalKey } from '../hooks/use-add-external-key';
import { keyFieldError } from '../utils/key-field-error';

type AddExternalKeyModalProps = {
  opened: boolean;
  onClose: () => void;
  roles: readonly RoleMultiSelect_RoleFragment[];
};

export const AddExternalKeyModal = ({ opened, onClose, roles }: AddExternalKeyModalProps) => {
  const { t } = useTranslation();
  const [addExternalKey, { loading }] = useAddExternalKey();
  const [key, setKey] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [keyError, setKeyError] = useState<string | null>(null);

  const close = () => {
    setKey('');
    setRoleIds([]);
    setKeyError(null);
    onClose();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const identifier = key.trim();
    if (!identifier) {
      setKeyError(t('externalKeys.addDialog.keyRequired'));
      return;
    }
    setKeyError(null);
    try {
      await addExternalKey({ variables: { input: { key: identifier, roleIds } } });
      notifySuccess(t('externalKeys.addDialog.success'));
      close();
    } catch (error) {
      const fieldError = keyFieldError(error, t);
      setKeyError(fieldError);
      // The field says what went wrong; a toast is for what no field explains.
      if (!fieldError) notifyFailure(t('externalKeys.addDialog.failure'), describeError(error, t));
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('externalKeys.addDialog.title')}
      size="lg"
      centered
      // What was typed is kept: a stray click outside does not close the form.
      closeOnClickOutside={false}
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('externalKeys.addDialog.keyLabel')}
            description={t('externalKeys.addDialog.keyDescription')}
            required
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            error={keyError}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-autofocus
            data-testid="external-key-input"
          />
          <RoleMultiSelect
            label={t('externalKeys.addDialog.rolesLabel')}
            placeholder={t('externalKeys.addDialog.rolesPlaceholder')}
            roles={roles}
            value={roleIds}
            onChange={setRoleIds}
            data-testid="external-key-roles-input"
          />
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('externalKeys.addDialog.rolesWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="add-external-key-submit">
              {t('externalKeys.addDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
