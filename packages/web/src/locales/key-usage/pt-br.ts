import type { KeyUsageMessages } from './en';

export const keyUsagePtBR: KeyUsageMessages = {
  keyDetail: {
    breadcrumb: 'Detalhes da chave',
    loading: 'Carregando a chave',
    notFound: {
      title: 'Chave não encontrada',
      description: 'Ela pode ter sido excluída ou pertencer a outra conta.',
    },
    openDetails: 'Detalhes de {{name}}',
    tokens: {
      title: 'Tokens',
      current: 'Token atual',
      issued: 'Emitido em {{date}} ({{relative}})',
    },
    usage: {
      title: 'Uso',
      range: 'Período',
      ranges: {
        day: '24 horas',
        week: '7 dias',
        month: '30 dias',
        quarter: '90 dias',
      },
      chartLabel: 'Verificações ao longo do tempo, por resultado',
      summary: '{{total}} verificações: {{valid}} válidas, {{refused}} recusadas.',
      empty: 'Nenhuma verificação neste período.',
      showTable: 'Mostrar como tabela',
      showChart: 'Mostrar como gráfico',
      period: 'Período',
      total: 'Total',
      error: 'Não foi possível carregar o uso.',
    },
    outcomes: {
      VALID: 'Válida',
      INVALID_CREDENTIALS: 'Token incorreto',
      INACTIVE: 'Chave inativa',
      EXPIRED: 'Token expirado',
      FORBIDDEN: 'Proibida',
      RATE_LIMITED: 'Limite de taxa',
      IP_NOT_ALLOWED: 'Endereço não permitido',
      OTHER: 'Outro',
    },
    sources: {
      title: 'Principais origens',
      address: 'Endereço',
      count: 'Verificações',
      empty: 'Nenhum endereço de origem registrado neste período.',
    },
    audit: {
      title: 'Trilha de auditoria',
      empty: 'Ainda não há eventos para esta chave.',
      error: 'Não foi possível carregar a trilha de auditoria.',
    },
  },
  sparkline: {
    label: '{{total}} verificações nos últimos 7 dias',
  },
};
