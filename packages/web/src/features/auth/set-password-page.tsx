import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LanguageSwitcher } from '../../components/language-switcher';
import { describeError, getErrorCode, getErrorField } from '../../lib/graphql-errors';
import { notifySuccess } from '../../lib/notify';
import { useSetPassword } from './use-set-password';

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

type FieldErrors = { password?: string; confirm?: string };

/** The secret travels in the fragment (`/set-password#<secret>`), so it never reaches a server log. */
const readSecret = () => window.location.hash.replace(/^#/, '').trim();

const passwordError = (password: string): string | undefined => {
  if (!password) return 'setPassword.passwordRequired';
  if (password.length < minPasswordLength) return 'setPassword.passwordTooShort';
  if (password.length > maxPasswordLength) return 'setPassword.passwordTooLong';
  return undefined;
};

export const SetPasswordPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [secret] = useState(readSecret);
  const [setPassword, { loading }] = useSetPassword();
  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const passwordKey = passwordError(password);
    const errors: FieldErrors = {
      password: passwordKey && t(passwordKey),
      confirm: !passwordKey && confirm !== password ? t('setPassword.mismatch') : undefined,
    };
    setFieldErrors(errors);
    setFormError(null);
    if (errors.password || errors.confirm) return;
    try {
      await setPassword({ variables: { input: { token: secret, password } } });
      notifySuccess(t('setPassword.success'));
      void navigate('/sign-in', { replace: true });
    } catch (error) {
      const field = getErrorField(error);
      if (getErrorCode(error) === 'BAD_USER_INPUT' && field === 'password') {
        setFieldErrors({ password: t('setPassword.passwordLength') });
      } else if (getErrorCode(error) === 'BAD_USER_INPUT' && field === 'token') {
        setFormError(t('setPassword.expiredLink'));
      } else {
        setFormError(describeError(error, t));
      }
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form
          onSubmit={(event) => void handleSubmit(event)}
          noValidate
          aria-labelledby="set-password-title"
        >
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h3" id="set-password-title">
                {t('setPassword.title')}
              </Title>
              <LanguageSwitcher />
            </Group>
            <Text c="dimmed" size="sm">
              {t('setPassword.intro')}
            </Text>
            {!secret && (
              <Alert color="red" role="alert" data-testid="set-password-missing-link">
                {t('setPassword.missingLink')}
              </Alert>
            )}
            {formError && (
              <Alert
                color="red"
                role="alert"
                title={t('setPassword.failed')}
                data-testid="set-password-error"
              >
                {formError}
              </Alert>
            )}
            <PasswordInput
              label={t('setPassword.password')}
              description={t('setPassword.passwordDescription')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPasswordValue(event.currentTarget.value)}
              error={fieldErrors.password}
              disabled={!secret}
              data-testid="set-password-password"
            />
            <PasswordInput
              label={t('setPassword.confirm')}
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(event) => setConfirm(event.currentTarget.value)}
              error={fieldErrors.confirm}
              disabled={!secret}
              data-testid="set-password-confirm"
            />
            <Button
              type="submit"
              loading={loading}
              disabled={!secret}
              data-testid="set-password-submit"
            >
              {t('setPassword.submit')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm" ta="center">
              {t('setPassword.goToSignIn')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
