import type { MembersMessages } from './en';

export const membersEs: MembersMessages = {
  members: {
    title: 'Usuarios',
    intro: 'Personas que pueden iniciar sesión en esta cuenta y los roles que tienen aquí.',
    tableLabel: 'Usuarios de esta cuenta',
    loading: 'Cargando usuarios',
    add: 'Agregar usuario',
    you: 'Tú',
    columns: {
      user: 'Usuario',
      roles: 'Roles',
      addedAt: 'Agregado',
      actions: 'Acciones',
    },
    empty: {
      title: 'Todavía no hay usuarios',
      description: 'Agrega personas por correo electrónico para que puedan entrar en esta cuenta.',
    },
    noPermission: {
      title: 'No tienes permiso para ver los usuarios',
      description: 'Pide a un administrador de la cuenta el recurso Ver usuarios.',
    },
    lastOwner:
      'Esta cuenta debe conservar al menos un Owner (Admin Super). Primero asigna ese rol a otra persona.',
    actions: {
      menu: 'Acciones de {{email}}',
      edit: 'Editar roles',
      remove: 'Quitar',
    },
    addDialog: {
      title: 'Agregar usuario',
      emailLabel: 'Correo electrónico',
      emailDescription:
        'Una persona nueva recibe un enlace para definir su contraseña; un usuario existente solo obtiene acceso.',
      emailRequired: 'Ingresa un correo electrónico.',
      emailInvalid: 'Ingresa un correo electrónico válido.',
      alreadyMember: 'Esta persona ya es usuaria de esta cuenta.',
      rolesLabel: 'Roles',
      rolesPlaceholder: 'Elige los roles',
      submit: 'Agregar usuario',
      success: 'Se agregó a {{email}}',
      failure: 'No se pudo agregar el usuario',
      setupTitle: 'Envía este enlace a {{email}}',
      setupWarning:
        'Este enlace no se volverá a mostrar. Entrégalo solo a esta persona: le permite definir la contraseña de la cuenta. Funciona una vez, dentro de 72 horas.',
      setupLinkLabel: 'Enlace para definir la contraseña',
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
