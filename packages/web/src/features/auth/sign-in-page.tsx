import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitcher } from '../../components/language-switcher';
import { describeError, getErrorCode } from '../../lib/graphql-errors';
import { useSignIn } from './use-sign-in';

// The home route sends each viewer to the first page their roles open.
const defaultDestination = '/';

type FieldErrors = { email?: string; password?: string };

const destinationFrom = (state: unknown): string => {
  if (state && typeof state === 'object' && 'from' in state) {
    const from = state.from as { pathname?: unknown; search?: unknown; hash?: unknown };
    if (typeof from.pathname === 'string' && from.pathname !== '/sign-in') {
      // The hash carries an invitation link's secret back to the invitation page.
      return (
        from.pathname +
        (typeof from.search === 'string' ? from.search : '') +
        (typeof from.hash === 'string' ? from.hash : '')
      );
    }
  }
  return defaultDestination;
};

export const SignInPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signIn, loading } = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: email.trim() ? undefined : t('auth.emailRequired'),
      password: password ? undefined : t('auth.passwordRequired'),
    };
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) return;
    try {
      await signIn(email.trim(), password);
      void navigate(destinationFrom(location.state), { replace: true });
    } catch (error) {
      const code = getErrorCode(error);
      setFormError(
        code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT'
          ? t('auth.invalidCredentials')
          : describeError(error, t),
      );
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form
          onSubmit={(event) => void handleSubmit(event)}
          noValidate
          aria-labelledby="sign-in-title"
        >
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h3" id="sign-in-title">
                {t('auth.title')}
              </Title>
              <LanguageSwitcher />
            </Group>
            {formError && (
              <Alert color="red" role="alert" title={t('auth.failed')}>
                {formError}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrors.email}
              data-testid="sign-in-email"
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
              data-testid="sign-in-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.passwordToggle') }}
            />
            <Button type="submit" loading={loading} data-testid="sign-in-submit">
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
