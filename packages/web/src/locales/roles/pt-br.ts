import type { RolesMessages } from './en';

export const rolesPtBR: RolesMessages = {
  roleAdmin: {
    title: 'Perfis de acesso',
    intro:
      'Um perfil de acesso é um conjunto nomeado de recursos. Atribua perfis de acesso a usuários e chaves de API para definir o que podem fazer.',
    loading: 'Carregando perfis de acesso',
    listLabel: 'Perfis de acesso',
    create: 'Criar perfil de acesso',
    predefined: 'Predefinida',
    custom: 'Personalizada',
    predefinedHint:
      'Perfis de acesso predefinidos existem em todas as contas e não podem ser alterados.',
    noResources: 'Este perfil de acesso não tem recursos.',
    customSection: 'Perfis de acesso personalizados',
    predefinedSection: 'Perfis de acesso predefinidos',
    emptyCustom: 'Nenhum perfil de acesso personalizado ainda.',
    noPermission: {
      title: 'Você não tem permissão para ver perfis de acesso',
      description: 'Peça a um administrador da conta o recurso Editar perfis de acesso.',
    },
    actions: {
      edit: 'Editar {{name}}',
      delete: 'Excluir {{name}}',
    },
    editor: {
      createTitle: 'Criar perfil de acesso',
      editTitle: 'Editar perfil de acesso',
      nameLabel: 'Nome do perfil de acesso',
      nameRequired: 'Informe um nome para o perfil de acesso.',
      nameTooLong: 'Use no máximo 100 caracteres.',
      nameTaken: 'Outro perfil de acesso desta conta já tem este nome.',
      resourcesLabel: 'Recursos',
      resourcesDescription:
        'Escolha, produto por produto, os recursos que este perfil de acesso concede.',
      notHeld: 'Você só pode conceder recursos que você mesmo tem.',
      forbidden: 'Você só pode incluir em um perfil de acesso recursos que você mesmo tem.',
      selectedCount_one: '{{count}} selecionado',
      selectedCount_other: '{{count}} selecionados',
      submitCreate: 'Criar perfil de acesso',
      createSuccess: 'Perfil de acesso criado',
      updateSuccess: 'Perfil de acesso atualizado',
      failure: 'Não foi possível salvar o perfil de acesso',
    },
    deleteDialog: {
      title: 'Excluir perfil de acesso?',
      body: 'O perfil de acesso {{name}} será excluído. Esta ação não pode ser desfeita.',
      heldBy: 'Atribuído a {{users}} e {{keys}}. Remova-o deles primeiro.',
      users_one: '{{count}} usuário',
      users_other: '{{count}} usuários',
      keys_one: '{{count}} chave de API',
      keys_other: '{{count}} chaves de API',
      inUse: 'Este perfil de acesso ainda está em uso',
      confirm: 'Excluir',
      success: 'Perfil de acesso excluído',
      failure: 'Não foi possível excluir o perfil de acesso',
    },
  },
};
