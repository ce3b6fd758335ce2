import type { RolesMessages } from './en';

export const rolesPtBR: RolesMessages = {
  roleAdmin: {
    title: 'Funções',
    intro:
      'Uma função é um conjunto nomeado de recursos. Atribua funções a usuários e chaves de API para definir o que podem fazer.',
    loading: 'Carregando funções',
    listLabel: 'Funções',
    create: 'Criar função',
    predefined: 'Predefinida',
    custom: 'Personalizada',
    predefinedHint: 'Funções predefinidas existem em todas as contas e não podem ser alteradas.',
    noResources: 'Esta função não tem recursos.',
    customSection: 'Funções personalizadas',
    predefinedSection: 'Funções predefinidas',
    emptyCustom: 'Nenhuma função personalizada ainda.',
    noPermission: {
      title: 'Você não tem permissão para ver funções',
      description: 'Peça a um administrador da conta o recurso Editar funções.',
    },
    actions: {
      edit: 'Editar {{name}}',
      delete: 'Excluir {{name}}',
    },
    editor: {
      createTitle: 'Criar função',
      editTitle: 'Editar função',
      nameLabel: 'Nome da função',
      nameRequired: 'Informe um nome para a função.',
      nameTooLong: 'Use no máximo 100 caracteres.',
      nameTaken: 'Outra função desta conta já tem este nome.',
      resourcesLabel: 'Recursos',
      resourcesDescription: 'Escolha, produto por produto, os recursos que esta função concede.',
      notHeld: 'Você só pode conceder recursos que você mesmo tem.',
      forbidden: 'Você só pode incluir em uma função recursos que você mesmo tem.',
      selectedCount: '{{count}} selecionado(s)',
      submitCreate: 'Criar função',
      createSuccess: 'Função criada',
      updateSuccess: 'Função atualizada',
      failure: 'Não foi possível salvar a função',
    },
    deleteDialog: {
      title: 'Excluir função?',
      body: 'A função {{name}} será excluída. Esta ação não pode ser desfeita.',
      inUse: 'Esta função ainda está em uso',
      confirm: 'Excluir',
      success: 'Função excluída',
      failure: 'Não foi possível excluir a função',
    },
  },
};
