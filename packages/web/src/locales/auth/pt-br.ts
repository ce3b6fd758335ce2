import type { SetPasswordMessages } from './en';

export const setPasswordPtBR: SetPasswordMessages = {
  setPassword: {
    title: 'Defina sua senha',
    intro: 'Escolha a senha que você usará para entrar no Keyward.',
    password: 'Nova senha',
    passwordDescription: 'Pelo menos 12 caracteres.',
    confirm: 'Repita a senha',
    submit: 'Definir senha',
    passwordRequired: 'Informe uma senha.',
    passwordTooShort: 'Use pelo menos 12 caracteres.',
    passwordTooLong: 'Use no máximo 200 caracteres.',
    passwordLength: 'Use de 12 a 200 caracteres.',
    mismatch: 'As senhas não coincidem.',
    missingLink:
      'Este link está incompleto. Abra o link completo que você recebeu ou peça um novo a um administrador.',
    expiredLink: 'Este link expirou ou já foi usado. Peça um novo a um administrador da conta.',
    failed: 'Não foi possível definir a senha',
    success: 'Sua senha foi definida. Entre com seu e-mail e a nova senha.',
    goToSignIn: 'Ir para o login',
  },
};
