import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleMultiSelect_RoleFragment, TokenReveal } from '../../../gql/graphql';
import { describeError } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useGenerateApiKey } from '../hooks/use-generate-api-key';
import { keyNameError, maxKeyNameLength } from '../utils/key-name';
import { nameFieldError } from '../utils/mutation-errors';
import { revealedFrom, TokenRevealDialog, type Revealed } from './token-reveal-dialog';
import { RoleMultiSelect } from '../../../components/role-multi-select';
import { TokenRevealChoice } from './token-reveal-choice';
import { KeyPolicyFields } from './key-policy-fields';
import { useKeyPolicyForm } from '../hooks/use-key-policy-form';

type GenerateApiKeyModalProps = {
  opened: boolean;
  onClose: () => void;
  roles: readonly RoleMultiSelect_RoleFragment[];
};

export const GenerateApiKeyModal = ({ opened, onClose, roles }: GenerateApiKeyModalProps) => {
  const { t } = useTranslation();
  const [generate, { loading }] = useGenerateApiKey();
  const [name, setName] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [nameError, setNameError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [reveal, setReveal] = useState<TokenReveal>('TOKEN');
  const policies = useKeyPolicyForm();

  const close = () => {
    policies.reset();
    setReveal('TOKEN');
    setName('');
    setRoleIds([]);
    setNameError(null);
    setRevealed(null);
    onClose();
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const validationError = keyNameError(name);
    setNameError(validationError && t(validationError));
    const policiesValid = policies.validate();
    if (validationError || !policiesValid) return;
    try {
      const result = await generate({
        variables: { input: { name: name.trim(), roleIds, reveal, ...policies.input() } },
      });
      const payload = result.data?.generateApiKey;
      if (!payload) return;
      setRevealed(revealedFrom(payload));
      notifySuccess(t('generateDialog.success'));
    } catch (error) {
      // A field error (a duplicate name, a refused address) is the one message; else a toast.
      const fieldError = nameFieldError(error, t);
      setNameError(fieldError);
      if (!fieldError && !policies.showServerError(error))
        notifyFailure(t('generateDialog.failure'), describeError(error, t));
    }
  };

  return (
    <TokenRevealDialog
      opened={opened}
      onClose={close}
      title={revealed ? t('generateDialog.success') : t('generateDialog.title')}
      revealed={revealed}
      onRevealedChange={setRevealed}
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('generateDialog.nameLabel')}
            description={t('generateDialog.nameDescription')}
            required
            maxLength={maxKeyNameLength + 20}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            data-autofocus
            data-testid="api-key-name-input"
          />
          <RoleMultiSelect
            label={t('generateDialog.rolesLabel')}
            placeholder={t('generateDialog.rolesPlaceholder')}
            roles={roles}
            value={roleIds}
            onChange={setRoleIds}
            data-testid="api-key-roles-input"
          />
          <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('generateDialog.rolesWarning')}
          </Alert>
          <KeyPolicyFields form={policies} testIdPrefix="api-key" />
          <TokenRevealChoice value={reveal} onChange={setReveal} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading} data-testid="generate-api-key-submit">
              {t('generateDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </TokenRevealDialog>
  );
};
