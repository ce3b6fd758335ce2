import type { SetPasswordMessages } from './en';

export const setPasswordEs: SetPasswordMessages = {
  setPassword: {
    title: 'Acepta tu invitación',
    intro: 'Elige la contraseña que usarás para iniciar sesión en Keyward.',
    newHere: '¿Nuevo en Keyward? Elige una contraseña',
    password: 'Nueva contraseña',
    passwordDescription: 'Al menos 12 caracteres.',
    confirm: 'Repite la contraseña',
    submit: 'Definir contraseña y unirme',
    passwordRequired: 'Ingresa una contraseña.',
    passwordTooShort: 'Usa al menos 12 caracteres.',
    passwordTooLong: 'Usa como máximo 200 caracteres.',
    passwordLength: 'Usa de 12 a 200 caracteres.',
    mismatch: 'Las contraseñas no coinciden.',
    missingLink:
      'Este enlace está incompleto. Abre el enlace completo que recibiste o pide uno nuevo a un administrador.',
    expiredLink: 'Este enlace venció o ya se usó. Pide uno nuevo a un administrador de la cuenta.',
    failed: 'No se pudo definir la contraseña',
    success:
      'Tu contraseña está definida y te uniste a la cuenta. Inicia sesión con tu correo y la nueva contraseña.',
    goToSignIn: 'Ir a iniciar sesión',
    loading: 'Cargando la invitación',
    invitedTo: '{{account}} invitó a {{email}} a unirse.',
    joined: 'Bienvenido: tu contraseña está definida y te uniste a la cuenta.',
    alreadyHasAccount:
      'Este correo ya tiene una cuenta en Keyward: inicia sesión con ella para aceptar la invitación.',
    or: 'o',
    haveAccount: '¿Ya tienes una cuenta en Keyward con este correo?',
    signInToAccept: 'Iniciar sesión para aceptar',
    signedInAs: 'Iniciaste sesión como {{email}}.',
    otherEmail:
      'Iniciaste sesión como {{viewer}}, pero esta invitación se envió a {{email}}. Cierra sesión y vuelve a abrir el enlace.',
    accept: 'Aceptar invitación',
    accepted: 'Te uniste a {{account}}',
    acceptFailed: 'No se pudo aceptar la invitación',
  },
};
