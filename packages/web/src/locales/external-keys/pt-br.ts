import type { ExternalKeysMessages } from './en';

export const externalKeysPtBR: ExternalKeysMessages = {
  externalKeys: {
    tableLabel: 'Chaves terceiras',
    columns: {
      key: 'Chave',
      ownerAccount: 'Conta proprietária',
      roles: 'Perfis de acesso aqui',
      addedAt: 'Data de inclusão',
      status: 'Status',
      actions: 'Ações',
    },
    searchPlaceholder: 'Chave ou conta proprietária',
    paginationLabel: 'Páginas de chaves de API externas',
    loading: 'Carregando chaves de API externas',
    add: 'Adicionar chave externa',
    empty: {
      title: 'Nenhuma chave externa ainda',
      description:
        'Adicione uma chave gerada por outra conta para que a integração dela acesse esta conta.',
    },
    noMatch: {
      title: 'Nenhuma chave externa encontrada',
      description: 'Tente outra busca ou limpe os filtros.',
      clear: 'Limpar filtros',
    },
    actions: {
      menu: 'Ações de {{key}}',
      edit: 'Editar perfis de acesso',
      remove: 'Remover',
    },
    addDialog: {
      title: 'Adicionar chave externa',
      keyLabel: 'Identificador da chave',
      keyDescription: 'A chave pública que a outra conta forneceu, como kw-partner-…',
      keyRequired: 'Informe o identificador da chave.',
      keyUnknown:
        'Nenhuma chave de API tem este identificador. Confirme-o com a conta dona da chave.',
      keyOwn: 'Esta chave pertence a esta conta. Gerencie-a na aba Geradas.',
      keyAlreadyAdded: 'Esta chave já foi adicionada a esta conta. Edite os perfis de acesso dela.',
      rolesLabel: 'Perfis de acesso nesta conta',
      rolesPlaceholder: 'Escolha os perfis de acesso',
      rolesWarning:
        'A chave recebe apenas os perfis de acesso escolhidas aqui. Uma chave sem perfis de acesso consegue se autenticar, mas não pode fazer nada.',
      submit: 'Adicionar chave',
      success: 'Chave externa adicionada',
      failure: 'Não foi possível adicionar a chave externa',
    },
    editDialog: {
      title: 'Editar perfis de acesso da chave terceira',
      ownerLabel: 'Conta proprietária',
      rolesDescription:
        'Você altera apenas os perfis de acesso que esta conta concede. Nome, token e status ficam com a conta proprietária.',
      success: 'Perfis de acesso atualizados',
      failure: 'Não foi possível atualizar os perfis de acesso',
    },
    removeDialog: {
      title: 'Remover chave externa?',
      body: '{{key}} de {{owner}} perde todo o acesso a esta conta imediatamente. A conta proprietária continua com a chave.',
      confirm: 'Remover',
      success: 'Chave externa removida',
      failure: 'Não foi possível remover a chave externa',
      deactivateCreated_one: 'Desativar também a chave que esta chave criou aqui',
      deactivateCreated_other: 'Desativar também as {{count}} chaves que esta chave criou aqui',
      deactivateCreatedHint:
        'As chaves que ela gerou pertencem a esta conta e continuam funcionando após a remoção, a menos que sejam desativadas.',
      deactivated_one: '{{count}} chave criada por ela foi desativada',
      deactivated_other: '{{count}} chaves criadas por ela foram desativadas',
    },
  },
};
