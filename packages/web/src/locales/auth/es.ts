import type { SetPasswordMessages } from './en';

export const setPasswordEs: SetPasswordMessages = {
  setPassword: {
    title: 'Define tu contraseña',
    intro: 'Elige la contraseña que usarás para iniciar sesión en Keyward.',
    password: 'Nueva contraseña',
    passwordDescription: 'Al menos 12 caracteres.',
    confirm: 'Repite la contraseña',
    submit: 'Definir contraseña',
    passwordRequired: 'Ingresa una contraseña.',
    passwordTooShort: 'Usa al menos 12 caracteres.',
    passwordTooLong: 'Usa como máximo 200 caracteres.',
    passwordLength: 'Usa de 12 a 200 caracteres.',
    mismatch: 'Las contraseñas no coinciden.',
    missingLink:
      'Este enlace está incompleto. Abre el enlace completo que recibiste o pide uno nuevo a un administrador.',
    expiredLink: 'Este enlace venció o ya se usó. Pide uno nuevo a un administrador de la cuenta.',
    failed: 'No se pudo definir la contraseña',
    success: 'Tu contraseña está definida. Inicia sesión con tu correo y la nueva contraseña.',
    goToSignIn: 'Ir a iniciar sesión',
  },
};
