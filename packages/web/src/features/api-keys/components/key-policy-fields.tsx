import { Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KeyPolicyForm } from '../hooks/use-key-policy-form';
import { maxUsesPerDay, maxUsesPerMinute } from '../utils/key-policies';

type KeyPolicyFieldsProps = {
  form: KeyPolicyForm;
  /** Prefix of the fields' test ids (the generate and edit dialogs differ). */
  testIdPrefix: string;
};

/** Where a key may be used from and how much (issue 18 P1, P2). */
export const KeyPolicyFields = ({ form, testIdPrefix }: KeyPolicyFieldsProps) => {
  const { t } = useTranslation();
  const { values, errors, change } = form;
  return (
    <Stack gap="xs">
      <Textarea
        label={t('keyPolicies.addressesLabel')}
        description={t('keyPolicies.addressesDescription')}
        placeholder={'203.0.113.7\n10.0.0.0/8\n2001:db8::/32'}
        rows={4}
        ff="monospace"
        value={values.addresses}
        onChange={(event) => change({ addresses: event.currentTarget.value })}
        error={errors.addresses}
        data-testid={`${testIdPrefix}-allowed-addresses`}
      />
      <Text size="sm" fw={500} id={`${testIdPrefix}-budget-label`}>
        {t('keyPolicies.budgetLabel')}
      </Text>
      <Group grow align="flex-start" role="group" aria-labelledby={`${testIdPrefix}-budget-label`}>
        <NumberInput
          label={t('keyPolicies.perMinuteLabel')}
          placeholder={t('keyPolicies.noLimit')}
          min={1}
          max={maxUsesPerMinute}
          allowDecimal={false}
          allowNegative={false}
          value={values.perMinute}
          onChange={(value) => change({ perMinute: value })}
          error={errors.perMinute}
          data-testid={`${testIdPrefix}-per-minute`}
        />
        <NumberInput
          label={t('keyPolicies.perDayLabel')}
          placeholder={t('keyPolicies.noLimit')}
          min={1}
          max={maxUsesPerDay}
          allowDecimal={false}
          allowNegative={false}
          value={values.perDay}
          onChange={(value) => change({ perDay: value })}
          error={errors.perDay}
          data-testid={`${testIdPrefix}-per-day`}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('keyPolicies.budgetDescription')}
      </Text>
    </Stack>
  );
};
