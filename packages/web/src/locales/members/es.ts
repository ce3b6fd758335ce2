import type { MembersMessages } from './en';

export const membersEs: MembersMessages = {
  members: {
    title: 'Usuarios',
    intro: 'Personas que pueden iniciar sesión en esta cuenta y los roles que tienen aquí.',
    tableLabel: 'Usuarios de esta cuenta',
    loading: 'Cargando usuarios',
    add: 'Invitar usuario',
    you: 'Tú',
    columns: {
      user: 'Usuario',
      roles: 'Roles',
      addedAt: 'Agregado',
      actions: 'Acciones',
    },
    empty: {
      title: 'Todavía no hay usuarios',
      description: 'Invita personas por correo electrónico para que puedan entrar en esta cuenta.',
    },
    noPermission: {
      title: 'No tienes permiso para ver los usuarios',
      description: 'Pide a un administrador de la cuenta el recurso Ver usuarios.',
    },
    lastOwner:
      'Esta cuenta debe conservar al menos un Owner (Admin Super) que pueda iniciar sesión. Primero asigna ese rol a alguien que ya aceptó su invitación.',
    actions: {
      menu: 'Acciones de {{email}}',
      edit: 'Editar roles',
      remove: 'Quitar',
    },
    addDialog: {
      title: 'Invitar usuario',
      emailLabel: 'Correo electrónico',
      emailDescription:
        'Solo se une cuando acepta: con el enlace, alguien nuevo elige una contraseña y quien ya tiene cuenta en Keyward inicia sesión.',
      emailRequired: 'Ingresa un correo electrónico.',
      emailInvalid: 'Ingresa un correo electrónico válido.',
      alreadyMember: 'Esta persona ya es usuaria de esta cuenta.',
      rolesLabel: 'Roles',
      rolesPlaceholder: 'Elige los roles',
      submit: 'Invitar',
      success: 'Se invitó a {{email}}',
      failure: 'No se pudo invitar al usuario',
      setupTitle: 'Envía este enlace a {{email}}',
      setupWarning:
        'Este enlace no se volverá a mostrar. Entrégalo solo a esta persona: le permite aceptar la invitación. Funciona una vez, dentro de 7 días.',
      setupLinkLabel: 'Enlace de la invitación',
    },
    invitations: {
      title: 'Invitaciones pendientes',
      intro: 'Personas invitadas que aún no aceptaron. Las invitaciones vencen a los 7 días.',
      invitedBy: 'Invitado por',
      expiresAt: 'Vence',
      revoke: 'Revocar',
      revokeFor: 'Revocar la invitación de {{email}}',
      revokeTitle: '¿Revocar invitación?',
      revokeBody: 'El enlace enviado a {{email}} deja de funcionar de inmediato.',
      revoked: 'Se revocó la invitación de {{email}}',
      revokeFailure: 'No se pudo revocar la invitación',
    },
    editDialog: {
      title: 'Editar roles de {{email}}',
      success: 'Roles actualizados',
      failure: 'No se pudieron actualizar los roles',
    },
    removeDialog: {
      title: '¿Quitar al usuario?',
      body: '{{email}} pierde el acceso a esta cuenta de inmediato y se cierra su sesión en ella.',
      confirm: 'Quitar',
      success: 'Usuario quitado',
      failure: 'No se pudo quitar el usuario',
    },
  },
};
