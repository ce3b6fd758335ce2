import type { SetPasswordMessages } from './en';

export const setPasswordPtBR: SetPasswordMessages = {
  setPassword: {
    title: 'Aceite seu convite',
    intro: 'Escolha a senha que você usará para entrar no Keyward.',
    newHere: 'Novo no Keyward? Escolha uma senha',
    password: 'Nova senha',
    passwordDescription: 'Pelo menos 12 caracteres.',
    confirm: 'Repita a senha',
    submit: 'Definir senha e entrar',
    passwordRequired: 'Informe uma senha.',
    passwordTooShort: 'Use pelo menos 12 caracteres.',
    passwordTooLong: 'Use no máximo 200 caracteres.',
    passwordLength: 'Use de 12 a 200 caracteres.',
    mismatch: 'As senhas não coincidem.',
    missingLink:
      'Este link está incompleto. Abra o link completo que você recebeu ou peça um novo a um administrador.',
    expiredLink: 'Este link expirou ou já foi usado. Peça um novo a um administrador da conta.',
    failed: 'Não foi possível definir a senha',
    success:
      'Sua senha foi definida e você entrou na conta. Faça login com seu e-mail e a nova senha.',
    goToSignIn: 'Ir para o login',
    loading: 'Carregando o convite',
    invitedTo: '{{account}} convidou {{email}} para participar.',
    joined: 'Boas-vindas: sua senha foi definida e você entrou na conta.',
    alreadyHasAccount:
      'Este e-mail já tem uma conta no Keyward: faça login com ela para aceitar o convite.',
    or: 'ou',
    haveAccount: 'Já tem uma conta no Keyward com este e-mail?',
    signInToAccept: 'Entrar para aceitar',
    signedInAs: 'Você está conectado como {{email}}.',
    otherEmail:
      'Você está conectado como {{viewer}}, mas este convite foi enviado para {{email}}. Saia e abra o link novamente.',
    accept: 'Aceitar convite',
    accepted: 'Você entrou em {{account}}',
    acceptFailed: 'Não foi possível aceitar o convite',
  },
};
