import type { ExternalKeysMessages } from './en';

export const externalKeysEs: ExternalKeysMessages = {
  externalKeys: {
    tableLabel: 'Claves de API externas',
    columns: {
      key: 'Clave',
      ownerAccount: 'Cuenta propietaria',
      roles: 'Roles aquí',
      addedAt: 'Fecha de incorporación',
      status: 'Estado',
      actions: 'Acciones',
    },
    searchPlaceholder: 'Clave o cuenta propietaria',
    paginationLabel: 'Páginas de claves de API externas',
    loading: 'Cargando claves de API externas',
    add: 'Agregar clave externa',
    empty: {
      title: 'Todavía no hay claves externas',
      description:
        'Agrega una clave generada por otra cuenta para que su integración acceda a esta cuenta.',
    },
    noMatch: {
      title: 'Ninguna clave externa coincide',
      description: 'Prueba otra búsqueda o borra los filtros.',
      clear: 'Quitar filtros',
    },
    actions: {
      menu: 'Acciones de {{key}}',
      edit: 'Editar roles',
      remove: 'Quitar',
    },
    addDialog: {
      title: 'Agregar clave externa',
      keyLabel: 'Identificador de la clave',
      keyDescription: 'La clave pública que te dio la otra cuenta, como kw-partner-…',
      keyRequired: 'Ingresa el identificador de la clave.',
      keyUnknown:
        'Ninguna clave de API tiene este identificador. Confírmalo con la cuenta propietaria de la clave.',
      keyOwn: 'Esta clave pertenece a esta cuenta. Adminístrala en la pestaña Generadas.',
      keyAlreadyAdded: 'Esta clave ya se agregó a esta cuenta. Edita sus roles.',
      rolesLabel: 'Roles en esta cuenta',
      rolesPlaceholder: 'Elige los roles',
      rolesWarning:
        'La clave recibe solo los roles que elijas aquí. Una clave sin roles puede autenticarse, pero no puede hacer nada.',
      submit: 'Agregar clave',
      success: 'Clave externa agregada',
      failure: 'No se pudo agregar la clave externa',
    },
    editDialog: {
      title: 'Editar roles de la clave externa',
      ownerLabel: 'Cuenta propietaria',
      rolesDescription:
        'Solo cambias los roles que concede esta cuenta. El nombre, el token y el estado los gestiona la cuenta propietaria.',
      success: 'Roles actualizados',
      failure: 'No se pudieron actualizar los roles',
    },
    removeDialog: {
      title: '¿Quitar la clave externa?',
      body: '{{key}} de {{owner}} pierde todo el acceso a esta cuenta de inmediato. La cuenta propietaria conserva la clave.',
      confirm: 'Quitar',
      success: 'Clave externa quitada',
      failure: 'No se pudo quitar la clave externa',
      deactivateCreated_one: 'Desactivar también la clave que esta clave creó aquí',
      deactivateCreated_other: 'Desactivar también las {{count}} claves que esta clave creó aquí',
      deactivateCreatedHint:
        'Las claves que generó pertenecen a esta cuenta y siguen funcionando tras quitarla, salvo que se desactiven.',
      deactivated_one: '{{count}} clave creada por ella fue desactivada',
      deactivated_other: '{{count}} claves creadas por ella fueron desactivadas',
    },
  },
};
