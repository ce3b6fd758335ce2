import type { SettingsMessages } from './en';

export const settingsPtBR: SettingsMessages = {
  settings: {
    loading: 'Carregando configurações',
    noPermission: {
      title: 'Você não tem permissão para ver estas configurações',
      description: 'Peça a um administrador da conta o recurso Ver chaves de API.',
    },
    readOnly:
      'Você pode ver estas configurações. Para alterá-las, é preciso o recurso Editar configurações de chaves de API.',
    durationSection: 'Duração do token',
    durationLabel: 'Por quanto tempo um token vale',
    durationDescription:
      'Contado a partir da criação ou da última renovação do token. Depois disso, o token fica vencido.',
    duration90: '3 meses (recomendado)',
    duration180: '6 meses',
    durationCustom: 'Personalizado',
    customDaysLabel: 'Dias',
    enforcementLabel: 'Quando um token está vencido',
    enforcement: {
      ALERT_ONLY: {
        label: 'Apenas alertar',
        description: 'O token continua funcionando; a chave mostra um alerta de renovação.',
      },
      ENFORCE: {
        label: 'Bloquear',
        description:
          'Tokens vencidos são recusados (código EXPIRED): as integrações param até seu token ser renovado.',
      },
    },
    remindersSection: 'Lembretes de renovação',
    leadDaysLabel: 'Dias antes de o token vencer',
    leadDaysDescription: 'Digite um número e pressione Enter, por exemplo 14 e 3.',
    recipientsLabel: 'Destinatários de e-mail',
    recipientsDescription: 'Digite um endereço de e-mail e pressione Enter.',
    webhookUrlLabel: 'URL do webhook',
    webhookUrlDescription:
      'Opcional. Os lembretes também são enviados para cá. Deixe vazio para nenhum.',
    secretLabel: 'Segredo de assinatura do webhook',
    secretDescription: 'Verifique o cabeçalho X-Keyward-Signature (HMAC-SHA256) com este segredo.',
    secretToggle: 'Mostrar ou ocultar o segredo de assinatura',
    saved: 'Configurações salvas',
    policiesSection: 'Políticas das chaves',
    deactivateLeakedLabel: 'Desativar chaves vazadas imediatamente',
    deactivateLeakedDescription:
      'Quando um scanner de segredos denuncia um token exposto, a chave para de funcionar na hora. Desligado: a chave só é marcada como vazada e os destinatários recebem um email.',
    inactivityLabel: 'Desativar chaves sem uso',
    inactivityDescription:
      'Chaves cujos tokens não são usados nem renovados dentro do prazo são desativadas. Os destinatários e o webhook dos lembretes são avisados 7 dias antes.',
    inactivityDaysLabel: 'Dias sem uso',
    inactivityDaysDescription: 'De 30 a 365 dias.',
    saveFailed: 'Não foi possível salvar as configurações',
    errors: {
      inactivityDays: 'Escolha entre 30 e 365 dias.',
      tokenDurationDays: 'Escolha entre 1 e 3650 dias.',
      enforcement: 'Escolha apenas alertar ou bloquear.',
      reminderLeadDays: 'Use até 5 lembretes, cada um de 1 a 365 dias antes.',
      reminderRecipients: 'Informe até 20 endereços de e-mail válidos.',
      webhookUrl:
        'Informe uma URL https (http fora de produção) de um host público. Endereços privados, locais e de metadados da nuvem são recusados, a menos que o operador do servidor os permita.',
      invalidLeadDay: '“{{value}}” não é um número de dias de 1 a 365.',
      invalidEmail: '“{{value}}” não é um endereço de e-mail.',
    },
    enforceConfirm: {
      title: 'Recusar tokens vencidos?',
      count_one:
        '{{count}} chave ativa tem um token com mais de {{days}} dias: ela vai falhar a partir de agora.',
      count_other:
        '{{count}} chaves ativas têm um token com mais de {{days}} dias: elas vão falhar a partir de agora.',
      confirm: 'Aplicar',
    },
  },
  reminders: {
    title: 'Lembretes recentes',
    explanation:
      'Os lembretes são enviados por e-mail quando o SMTP está configurado no servidor, e para o webhook quando há um. Sem SMTP nem webhook, os lembretes ficam registrados apenas aqui.',
    loading: 'Carregando lembretes',
    empty: 'Nenhum lembrete ainda. Eles aparecem aqui quando os tokens se aproximam da validade.',
    columns: {
      key: 'Chave',
      leadDays: 'Antecedência',
      dueAt: 'Token desatualizado em',
      status: 'Status',
      sentAt: 'Enviado',
    },
    leadDaysValue_one: '{{days}} dia antes',
    leadDaysValue_other: '{{days}} dias antes',
    attempts_zero: 'Nenhuma tentativa',
    attempts_one: '{{count}} tentativa',
    attempts_other: '{{count}} tentativas',
    status: {
      SENT: 'Enviado',
      RECORDED: 'Apenas registrado',
      PENDING: 'Aguardando nova tentativa',
      FAILED: 'Falhou',
    },
  },
  credentials: {
    title: 'Credenciais de API',
    intro:
      'Esta página mostra uma chave de API e seu token uma única vez. Tenha um lugar seguro para guardá-los e então revele-os.',
    reveal: 'Revelar token',
    revealedWarning:
      'Este link não funciona mais: o token não será exibido novamente. Guarde-o em um lugar seguro antes de sair desta página.',
    expiredTitle: 'Este link expirou',
    expiredDescription: 'Ele já foi aberto ou tem mais de 24 horas. Peça um novo a quem o enviou.',
  },
};
