import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LanguageSwitcher } from '../../components/language-switcher';
import { describeError, getErrorCode, getErrorField } from '../../lib/graphql-errors';
import { notifySuccess } from '../../lib/notify';
import { useAcceptInvitation, useInvitationPreview } from './use-invitation';
import { useSetPassword } from './use-set-password';
import { useSignIn } from './use-sign-in';
import { useViewerQuery } from './use-viewer-query';

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

type FieldErrors = { password?: string; confirm?: string };

/** The secret travels in the fragment (`/invitation#<secret>`), so it never reaches a server log. */
const readSecret = () => window.location.hash.replace(/^#/, '').trim();

const passwordError = (
  password: string,
):
  | 'setPassword.passwordRequired'
  | 'setPassword.passwordTooShort'
  | 'setPassword.passwordTooLong'
  | undefined => {
  if (!password) return 'setPassword.passwordRequired';
  if (password.length < minPasswordLength) return 'setPassword.passwordTooShort';
  if (password.length > maxPasswordLength) return 'setPassword.passwordTooLong';
  return undefined;
};

/** A new person chooses a password: the user and the membership are created at once. */
const NewPasswordForm = ({ secret, email }: { secret: string; email: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [setPassword, { loading }] = useSetPassword();
  const { signIn } = useSignIn();
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
    } catch (error) {
      const code = getErrorCode(error);
      const field = getErrorField(error);
      if (code === 'BAD_USER_INPUT' && field === 'password') {
        setFieldErrors({ password: t('setPassword.passwordLength') });
      } else if (code === 'BAD_USER_INPUT' && field === 'token') {
        setFormError(t('setPassword.expiredLink'));
      } else if (code === 'CONFLICT') {
        setFormError(t('setPassword.alreadyHasAccount'));
      } else {
        setFormError(describeError(error, t));
      }
      return;
    }
    try {
      await signIn(email, password);
      notifySuccess(t('setPassword.joined'));
      void navigate('/', { replace: true });
    } catch {
      notifySuccess(t('setPassword.success'));
      void navigate('/sign-in', { replace: true });
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      aria-labelledby="new-password-title"
    >
      <Stack>
        <Title order={2} size="h5" id="new-password-title">
          {t('setPassword.newHere')}
        </Title>
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
          data-testid="set-password-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.passwordToggle') }}
        />
        <PasswordInput
          label={t('setPassword.confirm')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={fieldErrors.confirm}
          data-testid="set-password-confirm"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.passwordToggle') }}
        />
        <Button type="submit" loading={loading} data-testid="set-password-submit">
          {t('setPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
};

/** A signed-in user whose email the invitation names joins with one click. */
const AcceptPanel = ({ secret, email }: { secret: string; email: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [accept, { loading }] = useAcceptInvitation();
  const [failure, setFailure] = useState<string | null>(null);

  const handleAccept = async () => {
    setFailure(null);
    try {
      const result = await accept({ variables: { input: { token: secret } } });
      const account = result.data?.acceptInvitation.account;
      if (!account) return;
      // The server moved the session to the account joined: nothing cached belongs to it.
      // (A reset would refetch this page's preview, which now answers that the link is spent.)
      await client.clearStore();
      notifySuccess(t('setPassword.accepted', { account: account.name }));
      void navigate('/', { replace: true });
    } catch (error) {
      const code = getErrorCode(error);
      setFailure(
        code === 'BAD_USER_INPUT' ? t('setPassword.expiredLink') : describeError(error, t),
      );
    }
  };

  return (
    <Stack>
      <Text>{t('setPassword.signedInAs', { email })}</Text>
      {failure && (
        <Alert
          color="red"
          role="alert"
          title={t('setPassword.acceptFailed')}
          data-testid="accept-error"
        >
          {failure}
        </Alert>
      )}
      <Button onClick={() => void handleAccept()} loading={loading} data-testid="accept-invitation">
        {t('setPassword.accept')}
      </Button>
    </Stack>
  );
};

/**
 * The page an invitation link opens: a new person chooses a password and joins; someone with
 * a Keyward account signs in (the link comes back here) and accepts.
 */
export const InvitationPage = () => {
  const { t } = useTranslation();
  const [secret] = useState(readSecret);
  const preview = useInvitationPreview(secret);
  const viewer = useViewerQuery();
  const invitation = preview.data?.invitationPreview;
  const signedInEmail = viewer.data?.me.user?.email ?? null;

  const renderBody = () => {
    if (!secret) {
      return (
        <Alert color="red" role="alert" data-testid="set-password-missing-link">
          {t('setPassword.missingLink')}
        </Alert>
      );
    }
    if (preview.error) {
      return (
        <Alert color="red" role="alert" data-testid="invitation-dead">
          {getErrorCode(preview.error) === 'BAD_USER_INPUT'
            ? t('setPassword.expiredLink')
            : describeError(preview.error, t)}
        </Alert>
      );
    }
    if (!invitation || viewer.loading) {
      return (
        <Center role="status" aria-label={t('setPassword.loading')}>
          <Loader size="sm" />
        </Center>
      );
    }
    const intro = (
      <Text data-testid="invitation-intro">
        {t('setPassword.invitedTo', { account: invitation.accountName, email: invitation.email })}
      </Text>
    );
    if (signedInEmail && signedInEmail.toLowerCase() === invitation.email) {
      return (
        <>
          {intro}
          <AcceptPanel secret={secret} email={signedInEmail} />
        </>
      );
    }
    if (signedInEmail) {
      return (
        <>
          {intro}
          <Alert color="yellow" role="alert" data-testid="invitation-other-email">
            {t('setPassword.otherEmail', { viewer: signedInEmail, email: invitation.email })}
          </Alert>
        </>
      );
    }
    return (
      <>
        {intro}
        <NewPasswordForm secret={secret} email={invitation.email} />
        <Divider label={t('setPassword.or')} />
        <Text size="sm">{t('setPassword.haveAccount')}</Text>
        <Button
          component={Link}
          to="/sign-in"
          state={{ from: { pathname: '/invitation', search: '', hash: `#${secret}` } }}
          variant="default"
          data-testid="invitation-sign-in"
        >
          {t('setPassword.signInToAccept')}
        </Button>
      </>
    );
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
        <Stack aria-labelledby="invitation-title">
          <Group justify="space-between" align="center">
            <Title order={1} size="h3" id="invitation-title">
              {t('setPassword.title')}
            </Title>
            <LanguageSwitcher />
          </Group>
          {renderBody()}
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('setPassword.goToSignIn')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
};
