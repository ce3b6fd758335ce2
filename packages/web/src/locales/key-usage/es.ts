import type { KeyUsageMessages } from './en';

export const keyUsageEs: KeyUsageMessages = {
  keyDetail: {
    breadcrumb: 'Detalles de la clave',
    loading: 'Cargando la clave',
    notFound: {
      title: 'Clave no encontrada',
      description: 'Puede haber sido eliminada o pertenecer a otra cuenta.',
    },
    openDetails: 'Detalles de {{name}}',
    tokens: {
      title: 'Tokens',
      current: 'Token actual',
      issued: 'Emitido el {{date}} ({{relative}})',
    },
    usage: {
      title: 'Uso',
      range: 'Periodo',
      ranges: {
        day: '24 horas',
        week: '7 días',
        month: '30 días',
        quarter: '90 días',
      },
      chartLabel: 'Verificaciones a lo largo del tiempo, por resultado',
      summary: '{{total}} verificaciones: {{valid}} válidas, {{refused}} rechazadas.',
      empty: 'No hay verificaciones en este periodo.',
      showTable: 'Mostrar como tabla',
      showChart: 'Mostrar como gráfico',
      period: 'Periodo',
      total: 'Total',
      error: 'No se pudo cargar el uso.',
    },
    outcomes: {
      VALID: 'Válida',
      INVALID_CREDENTIALS: 'Token incorrecto',
      INACTIVE: 'Clave inactiva',
      EXPIRED: 'Token vencido',
      FORBIDDEN: 'Prohibida',
      RATE_LIMITED: 'Límite de frecuencia',
      IP_NOT_ALLOWED: 'Dirección no permitida',
      OTHER: 'Otro',
    },
    sources: {
      title: 'Principales orígenes',
      address: 'Dirección',
      count: 'Verificaciones',
      empty: 'No se registró ninguna dirección de origen en este periodo.',
    },
    audit: {
      title: 'Registro de auditoría',
      empty: 'Todavía no hay eventos para esta clave.',
      error: 'No se pudo cargar el registro de auditoría.',
    },
  },
  sparkline: {
    label: '{{total}} verificaciones en los últimos 7 días',
  },
};
