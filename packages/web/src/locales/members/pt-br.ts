import type { MembersMessages } from './en';

export const membersPtBR: MembersMessages = {
  members: {
    title: 'Usuários',
    intro: 'Pessoas que podem entrar nesta conta e os perfis de acesso que têm aqui.',
    tableLabel: 'Usuários desta conta',
    loading: 'Carregando usuários',
    add: 'Convidar usuário',
    you: 'Você',
    columns: {
      user: 'Usuário',
      roles: 'Perfis de acesso',
      addedAt: 'Adicionado em',
      actions: 'Ações',
    },
    empty: {
      title: 'Nenhum usuário ainda',
      description: 'Convide pessoas pelo e-mail para que possam entrar nesta conta.',
    },
    noPermission: {
      title: 'Você não tem permissão para ver usuários',
      description: 'Peça a um administrador da conta o recurso Visualizar usuários.',
    },
    lastOwner:
      'Esta conta precisa manter pelo menos um Owner (Admin Super) que consiga entrar. Dê esse perfil de acesso primeiro a alguém que já aceitou o convite.',
    actions: {
      menu: 'Ações de {{email}}',
      edit: 'Editar perfis de acesso',
      remove: 'Remover',
    },
    addDialog: {
      title: 'Convidar usuário',
      emailLabel: 'E-mail',
      emailDescription:
        'A pessoa só entra quando aceitar: com o link, quem é novo escolhe uma senha e quem já tem conta no Keyward faz login.',
      emailRequired: 'Informe um endereço de e-mail.',
      emailInvalid: 'Informe um endereço de e-mail válido.',
      alreadyMember: 'Esta pessoa já é usuária desta conta.',
      rolesLabel: 'Perfis de acesso',
      rolesPlaceholder: 'Escolha os perfis de acesso',
      submit: 'Convidar',
      success: '{{email}} foi convidado',
      failure: 'Não foi possível convidar o usuário',
      setupTitle: 'Envie este link para {{email}}',
      setupWarning:
        'Este link não será exibido novamente. Entregue-o apenas a esta pessoa: ele permite aceitar o convite. Funciona uma vez, em até 7 dias.',
      setupLinkLabel: 'Link do convite',
    },
    invitations: {
      title: 'Convites pendentes',
      intro: 'Pessoas convidadas que ainda não aceitaram. Os convites expiram em 7 dias.',
      invitedBy: 'Convidado por',
      expiresAt: 'Expira em',
      revoke: 'Revogar',
      revokeFor: 'Revogar o convite de {{email}}',
      revokeTitle: 'Revogar convite?',
      revokeBody: 'O link enviado a {{email}} deixa de funcionar imediatamente.',
      revoked: 'O convite de {{email}} foi revogado',
      revokeFailure: 'Não foi possível revogar o convite',
    },
    editDialog: {
      title: 'Editar perfis de acesso de {{email}}',
      success: 'Perfis de acesso atualizados',
      failure: 'Não foi possível atualizar os perfis de acesso',
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
