import type { RolesMessages } from './en';

export const rolesEs: RolesMessages = {
  roleAdmin: {
    title: 'Roles',
    intro:
      'Un rol es un conjunto de recursos con nombre. Asigna roles a usuarios y claves de API para decidir qué pueden hacer.',
    loading: 'Cargando roles',
    listLabel: 'Roles',
    create: 'Crear rol',
    predefined: 'Predefinido',
    custom: 'Personalizado',
    predefinedHint: 'Los roles predefinidos existen en todas las cuentas y no se pueden cambiar.',
    noResources: 'Este rol no tiene recursos.',
    customSection: 'Roles personalizados',
    predefinedSection: 'Roles predefinidos',
    emptyCustom: 'Todavía no hay roles personalizados.',
    noPermission: {
      title: 'No tienes permiso para ver los roles',
      description: 'Pide a un administrador de la cuenta el recurso Editar roles.',
    },
    actions: {
      edit: 'Editar {{name}}',
      delete: 'Eliminar {{name}}',
    },
    editor: {
      createTitle: 'Crear rol',
      editTitle: 'Editar rol',
      nameLabel: 'Nombre del rol',
      nameRequired: 'Ingresa un nombre para el rol.',
      nameTooLong: 'Usa como máximo 100 caracteres.',
      nameTaken: 'Otro rol de esta cuenta ya tiene este nombre.',
      resourcesLabel: 'Recursos',
      resourcesDescription: 'Elige, producto por producto, los recursos que concede este rol.',
      notHeld: 'Solo puedes conceder recursos que tú mismo tienes.',
      forbidden: 'Solo puedes incluir en un rol recursos que tú mismo tienes.',
      selectedCount_one: '{{count}} seleccionado',
      selectedCount_other: '{{count}} seleccionados',
      submitCreate: 'Crear rol',
      createSuccess: 'Rol creado',
      updateSuccess: 'Rol actualizado',
      failure: 'No se pudo guardar el rol',
    },
    deleteDialog: {
      title: '¿Eliminar el rol?',
      body: 'Se eliminará el rol {{name}}. Esta acción no se puede deshacer.',
      inUse: 'Este rol todavía está en uso',
      confirm: 'Eliminar',
      success: 'Rol eliminado',
      failure: 'No se pudo eliminar el rol',
    },
  },
};
