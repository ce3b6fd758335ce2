import {
  Alert,
  Button,
  CopyButton,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type {
  ApiKeySettingsForm_SettingsFragment,
  TokenEnforcement,
  UpdateApiKeySettingsInput,
} from '../../../gql/graphql';
import { describeError, getErrorCode, getErrorField } from '../../../lib/graphql-errors';
import { notifyFailure, notifySuccess } from '../../../lib/notify';
import { useUpdateApiKeySettings } from '../hooks/use-update-api-key-settings';

export const ApiKeySettingsFormSettingsFragment = graphql(`
  fragment ApiKeySettingsForm_settings on ApiKeySettings {
    tokenDurationDays
    enforcement
    reminderLeadDays
    reminderRecipients
    webhookUrl
    webhookSigningSecret
    deactivateLeakedKeys
    inactivityDays
  }
`);

/** How many keys an enforced duration would refuse now: asked before Enforce is saved. */
export const KeysFailingUnderQueryDocument = graphql(`
  query KeysFailingUnder($tokenDurationDays: Int!) {
    generatedKeysFailingUnder(tokenDurationDays: $tokenDurationDays)
  }
`);

const settingsFields = [
  'tokenDurationDays',
  'enforcement',
  'reminderLeadDays',
  'reminderRecipients',
  'webhookUrl',
  'inactivityDays',
] as const;
type SettingsField = (typeof settingsFields)[number];
type FieldErrors = Partial<Record<SettingsField, string>>;

const presetDurations = ['90', '180'] as const;
type DurationChoice = (typeof presetDurations)[number] | 'custom';
const enforcements: readonly TokenEnforcement[] = ['ALERT_ONLY', 'ENFORCE'];
export const maxDurationDays = 3650;
const maxLeadDays = 365;
export const inactivityDayBounds = { min: 30, max: 365 } as const;
const defaultInactivityDays = 90;

const durationChoiceOf = (days: number): DurationChoice =>
  presetDurations.find((preset) => Number(preset) === days) ?? 'custom';

const isSettingsField = (value: string | undefined): value is SettingsField =>
  settingsFields.some((field) => field === value);

const isLeadDay = (value: string) =>
  /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= maxLeadDays;

/** Whole numbers from 1 to 365, each once, largest first (how reminders are read). */
const normaliseLeadDays = (values: string[]): string[] =>
  [...new Set(values.map((value) => value.trim()))]
    .filter(isLeadDay)
    .sort((a, b) => Number(b) - Number(a));

/** The first entry that is not a reminder day, said inline instead of dropped silently. */
const invalidLeadDay = (values: string[]): string | null =>
  values.map((value) => value.trim()).find((value) => value && !isLeadDay(value)) ?? null;

// Deliberately loose (the server has the last word): something@something.tld.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const invalidEmail = (values: string[]): string | null =>
  values.map((value) => value.trim()).find((value) => value && !emailPattern.test(value)) ?? null;

type ApiKeySettingsFormProps = {
  settings: ApiKeySettingsForm_SettingsFragment;
  canEdit: boolean;
  onSaved: (settings: ApiKeySettingsForm_SettingsFragment) => void;
};

export const ApiKeySettingsForm = ({ settings, canEdit, onSaved }: ApiKeySettingsFormProps) => {
  const { t } = useTranslation();
  const [update, { loading }] = useUpdateApiKeySettings();
  const [durationChoice, setDurationChoice] = useState<DurationChoice>(() =>
    durationChoiceOf(settings.tokenDurationDays),
  );
  const [customDays, setCustomDays] = useState<number | string>(settings.tokenDurationDays);
  const [enforcement, setEnforcement] = useState<TokenEnforcement>(settings.enforcement);
  const [leadDays, setLeadDays] = useState(() =>
    normaliseLeadDays(settings.reminderLeadDays.map(String)),
  );
  const [recipients, setRecipients] = useState<string[]>(settings.reminderRecipients);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? '');
  const [deactivateLeakedKeys, setDeactivateLeakedKeys] = useState(settings.deactivateLeakedKeys);
  const [inactivityOn, setInactivityOn] = useState(settings.inactivityDays !== null);
  const [inactivityDays, setInactivityDays] = useState<number | string>(
    settings.inactivityDays ?? defaultInactivityDays,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [leadDaysError, setLeadDaysError] = useState<string | null>(null);
  const [customDaysTouched, setCustomDaysTouched] = useState(false);
  const [enforceCount, setEnforceCount] = useState<number | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const client = useApolloClient();

  const durationDays = durationChoice === 'custom' ? Number(customDays) : Number(durationChoice);
  const validDuration =
    customDays !== '' &&
    Number.isInteger(durationDays) &&
    durationDays >= 1 &&
    durationDays <= maxDurationDays;
  const inactivityWindow = Number(inactivityDays);
  const validInactivity =
    !inactivityOn ||
    (inactivityDays !== '' &&
      Number.isInteger(inactivityWindow) &&
      inactivityWindow >= inactivityDayBounds.min &&
      inactivityWindow <= inactivityDayBounds.max);
  const badEmail = invalidEmail(recipients);
  const recipientsError = badEmail
    ? t('settings.errors.invalidEmail', { value: badEmail })
    : errors.reminderRecipients;
  const durationError =
    !validDuration && (customDaysTouched || errors.tokenDurationDays)
      ? t('settings.errors.tokenDurationDays')
      : errors.tokenDurationDays;
  // Enforcing, newly or with another duration, may refuse keys at once: say how many, and ask.
  const enforcementTightens =
    enforcement === 'ENFORCE' &&
    (settings.enforcement !== 'ENFORCE' || durationDays < settings.tokenDurationDays);

  const handleSubmit = async (event: FormEvent | null, confirmed = false) => {
    event?.preventDefault();
    if (!canEdit) return;
    const clientErrors: FieldErrors = {
      ...(validDuration ? {} : { tokenDurationDays: t('settings.errors.tokenDurationDays') }),
      ...(validInactivity ? {} : { inactivityDays: t('settings.errors.inactivityDays') }),
    };
    setErrors(clientErrors);
    if (!validDuration || !validInactivity || badEmail || leadDaysError) return;
    if (enforcementTightens && !confirmed) {
      setPreviewing(true);
      try {
        const preview = await client.query({
          query: KeysFailingUnderQueryDocument,
          variables: { tokenDurationDays: durationDays },
          fetchPolicy: 'network-only',
        });
        setEnforceCount(preview.data?.generatedKeysFailingUnder ?? 0);
      } catch (error) {
        notifyFailure(t('settings.saveFailed'), describeError(error, t));
      } finally {
        setPreviewing(false);
      }
      return;
    }
    setEnforceCount(null);
    const input: UpdateApiKeySettingsInput = {
      tokenDurationDays: durationDays,
      enforcement,
      reminderLeadDays: leadDays.map(Number),
      reminderRecipients: recipients.map((recipient) => recipient.trim()).filter(Boolean),
      webhookUrl: webhookUrl.trim(),
      deactivateLeakedKeys,
      // null switches the policy off.
      inactivityDays: inactivityOn ? inactivityWindow : null,
    };
    try {
      const result = await update({ variables: { input } });
      const saved = result.data?.updateApiKeySettings.settings;
      if (saved) onSaved(saved);
      notifySuccess(t('settings.saved'));
    } catch (error) {
      const field = getErrorField(error);
      if (getErrorCode(error) === 'BAD_USER_INPUT' && isSettingsField(field)) {
        // The field says what is wrong; no generic toast beside it.
        setErrors({ [field]: t(`settings.errors.${field}`) });
      } else {
        notifyFailure(t('settings.saveFailed'), describeError(error, t));
      }
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="settings-form">
      <Stack maw={720}>
        {!canEdit && (
          <Alert
            color="blue"
            icon={<IconInfoCircle size={18} aria-hidden />}
            data-testid="settings-read-only"
          >
            {t('settings.readOnly')}
          </Alert>
        )}
        <Fieldset legend={t('settings.durationSection')} disabled={!canEdit}>
          <Stack>
            <Radio.Group
              label={t('settings.durationLabel')}
              description={t('settings.durationDescription')}
              value={durationChoice}
              onChange={(value) =>
                setDurationChoice(value === '90' || value === '180' ? value : 'custom')
              }
              error={durationError}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="90"
                  label={t('settings.duration90')}
                  data-testid="settings-duration-90"
                />
                <Radio
                  value="180"
                  label={t('settings.duration180')}
                  data-testid="settings-duration-180"
                />
                <Radio
                  value="custom"
                  label={t('settings.durationCustom')}
                  data-testid="settings-duration-custom"
                />
              </Stack>
            </Radio.Group>
            {durationChoice === 'custom' && (
              <NumberInput
                label={t('settings.customDaysLabel')}
                min={1}
                max={maxDurationDays}
                allowDecimal={false}
                allowNegative={false}
                // Never clamp silently: 0 stays 0 and is explained.
                clampBehavior="none"
                value={customDays}
                onChange={setCustomDays}
                onBlur={() => setCustomDaysTouched(true)}
                error={customDaysTouched && !validDuration}
                w={200}
                data-testid="settings-duration-days"
              />
            )}
            <Radio.Group
              label={t('settings.enforcementLabel')}
              value={enforcement}
              onChange={(value) => {
                const chosen = enforcements.find((candidate) => candidate === value);
                if (chosen) setEnforcement(chosen);
              }}
              error={errors.enforcement}
            >
              <Stack gap="xs" mt="xs">
                {enforcements.map((option) => (
                  <Radio
                    key={option}
                    value={option}
                    label={t(`settings.enforcement.${option}.label`)}
                    description={t(`settings.enforcement.${option}.description`)}
                    data-testid={`settings-enforcement-${option}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.remindersSection')} disabled={!canEdit}>
          <Stack>
            <TagsInput
              label={t('settings.leadDaysLabel')}
              description={t('settings.leadDaysDescription')}
              value={leadDays}
              onChange={(values) => {
                const invalid = invalidLeadDay(values);
                setLeadDaysError(
                  invalid ? t('settings.errors.invalidLeadDay', { value: invalid }) : null,
                );
                setLeadDays(normaliseLeadDays(values));
              }}
              splitChars={[',', ' ', ';']}
              error={leadDaysError ?? errors.reminderLeadDays}
              data-testid="settings-lead-days"
            />
            <TagsInput
              label={t('settings.recipientsLabel')}
              description={t('settings.recipientsDescription')}
              value={recipients}
              onChange={setRecipients}
              splitChars={[',', ' ', ';']}
              error={recipientsError}
              data-testid="settings-recipients"
            />
            <TextInput
              label={t('settings.webhookUrlLabel')}
              description={t('settings.webhookUrlDescription')}
              type="url"
              placeholder="https://"
              value={webhookUrl}
              onChange={(event) => setWebhookUrl(event.currentTarget.value)}
              error={errors.webhookUrl}
              data-testid="settings-webhook-url"
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.policiesSection')} disabled={!canEdit}>
          <Stack>
            <Switch
              label={t('settings.deactivateLeakedLabel')}
              description={t('settings.deactivateLeakedDescription')}
              checked={deactivateLeakedKeys}
              onChange={(event) => setDeactivateLeakedKeys(event.currentTarget.checked)}
              data-testid="settings-deactivate-leaked"
            />
            <Switch
              label={t('settings.inactivityLabel')}
              description={t('settings.inactivityDescription')}
              checked={inactivityOn}
              onChange={(event) => setInactivityOn(event.currentTarget.checked)}
              data-testid="settings-inactivity-on"
            />
            {inactivityOn && (
              <NumberInput
                label={t('settings.inactivityDaysLabel')}
                description={t('settings.inactivityDaysDescription')}
                min={inactivityDayBounds.min}
                max={inactivityDayBounds.max}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                value={inactivityDays}
                onChange={setInactivityDays}
                error={
                  validInactivity ? errors.inactivityDays : t('settings.errors.inactivityDays')
                }
                w={200}
                data-testid="settings-inactivity-days"
              />
            )}
          </Stack>
        </Fieldset>
        {settings.webhookSigningSecret && (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <PasswordInput
              label={t('settings.secretLabel')}
              description={t('settings.secretDescription')}
              value={settings.webhookSigningSecret}
              readOnly
              visibilityToggleButtonProps={{ 'aria-label': t('settings.secretToggle') }}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="settings-webhook-secret"
              style={{ flex: 1 }}
            />
            <CopyButton value={settings.webhookSigningSecret} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? (
                      <IconCheck size={16} aria-hidden />
                    ) : (
                      <IconCopy size={16} aria-hidden />
                    )
                  }
                  onClick={copy}
                  data-testid="settings-webhook-secret-copy"
                >
                  {copied ? t('generateDialog.copied') : t('generateDialog.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={loading || previewing} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
        <ConfirmModal
          opened={enforceCount !== null}
          onClose={() => setEnforceCount(null)}
          title={t('settings.enforceConfirm.title')}
          confirmLabel={t('settings.enforceConfirm.confirm')}
          confirmColor="red"
          onConfirm={() => void handleSubmit(null, true)}
          loading={loading}
          confirmTestId="confirm-enforce"
        >
          <Text data-testid="settings-enforce-count">
            {t('settings.enforceConfirm.count', {
              count: enforceCount ?? 0,
              days: durationDays,
            })}
          </Text>
        </ConfirmModal>
      </Stack>
    </form>
  );
};
