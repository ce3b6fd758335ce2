import type { MembersMessages } from './en';

export const membersPtBR: MembersMessages = {
  members: {
    title: 'Usuários',
    intro: 'Pessoas que podem entrar nesta conta e as funções que têm aqui.',
    tableLabel: 'Usuários desta conta',
    loading: 'Carregando usuários',
    add: 'Adicionar usuário',
    you: 'Você',
    columns: {
      user: 'Usuário',
      roles: 'Funções',
      addedAt: 'Adicionado em',
      actions: 'Ações',
    },
    empty: {
      title: 'Nenhum usuário ainda',
      description: 'Adicione pessoas pelo e-mail para que possam entrar nesta conta.',
    },
    noPermission: {
      title: 'Você não tem permissão para ver usuários',
      description: 'Peça a um administrador da conta o recurso Visualizar usuários.',
    },
    lastOwner:
      'Esta conta precisa manter pelo menos um Owner (Admin Super). Dê essa função a outra pessoa primeiro.',
    actions: {
      menu: 'Ações de {{email}}',
      edit: 'Editar funções',
      remove: 'Remover',
    },
    addDialog: {
      title: 'Adicionar usuário',
      emailLabel: 'E-mail',
      emailDescription:
        'Uma pessoa nova recebe um link para definir a senha; um usuário existente apenas ganha acesso.',
      emailRequired: 'Informe um endereço de e-mail.',
      emailInvalid: 'Informe um endereço de e-mail válido.',
      alreadyMember: 'Esta pessoa já é usuária desta conta.',
      rolesLabel: 'Funções',
      rolesPlaceholder: 'Escolha as funções',
      submit: 'Adicionar usuário',
      success: '{{email}} foi adicionado',
      failure: 'Não foi possível adicionar o usuário',
      setupTitle: 'Envie este link para {{email}}',
      setupWarning:
        'Este link não será exibido novamente. Entregue-o apenas a esta pessoa: ele permite definir a senha da conta. Funciona uma vez, em até 72 horas.',
      setupLinkLabel: 'Link para definir a senha',
    },
    editDialog: {
      title: 'Editar funções de {{email}}',
      success: 'Funções atualizadas',
      failure: 'Não foi possível atualizar as funções',
    },
    removeDialog: {
      title: 'Remover usuário?',
      body: '{{email}} perde o acesso a esta conta imediatamente e é desconectado dela.',
      confirm: 'Remover',
      success: 'Usuário removido',
      failure: 'Não foi possível remover o usuário',
    },
  },
};
