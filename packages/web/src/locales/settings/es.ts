import type { SettingsMessages } from './en';

export const settingsEs: SettingsMessages = {
  settings: {
    loading: 'Cargando configuración',
    noPermission: {
      title: 'No tienes permiso para ver esta configuración',
      description: 'Pide a un administrador de la cuenta el recurso Ver claves de API.',
    },
    readOnly:
      'Puedes ver esta configuración. Para cambiarla necesitas el recurso Editar configuración de claves de API.',
    durationSection: 'Duración del token',
    durationLabel: 'Cuánto tiempo vale un token',
    durationDescription:
      'Se cuenta desde la creación o la última renovación del token. Después, el token queda vencido.',
    duration90: '3 meses (recomendado)',
    duration180: '6 meses',
    durationCustom: 'Personalizado',
    customDaysLabel: 'Días',
    enforcementLabel: 'Cuando un token está vencido',
    enforcement: {
      ALERT_ONLY: {
        label: 'Solo alertar',
        description: 'El token sigue funcionando; la clave muestra una alerta de renovación.',
      },
      ENFORCE: {
        label: 'Bloquear',
        description:
          'Los tokens vencidos se rechazan (código EXPIRED): las integraciones dejan de funcionar hasta que se renueve su token.',
      },
    },
    remindersSection: 'Recordatorios de renovación',
    leadDaysLabel: 'Días antes de que venza el token',
    leadDaysDescription: 'Escribe un número y pulsa Enter, por ejemplo 14 y 3.',
    recipientsLabel: 'Destinatarios de correo',
    recipientsDescription: 'Escribe una dirección de correo y pulsa Enter.',
    webhookUrlLabel: 'URL del webhook',
    webhookUrlDescription:
      'Opcional. Los recordatorios también se envían aquí. Déjalo vacío para ninguno.',
    secretLabel: 'Secreto de firma del webhook',
    secretDescription: 'Verifica el encabezado X-Keyward-Signature (HMAC-SHA256) con este secreto.',
    secretToggle: 'Mostrar u ocultar el secreto de firma',
    saved: 'Configuración guardada',
    policiesSection: 'Políticas de las claves',
    deactivateLeakedLabel: 'Desactivar al instante las claves filtradas',
    deactivateLeakedDescription:
      'Cuando un escáner de secretos denuncia un token expuesto, la clave deja de funcionar de inmediato. Apagado: la clave solo se marca como filtrada y se envía un email a los destinatarios.',
    inactivityLabel: 'Desactivar claves sin uso',
    inactivityDescription:
      'Las claves cuyos tokens no se usan ni se renuevan dentro del plazo se desactivan. Los destinatarios y el webhook de los recordatorios reciben un aviso 7 días antes.',
    inactivityDaysLabel: 'Días sin uso',
    inactivityDaysDescription: 'De 30 a 365 días.',
    saveFailed: 'No se pudo guardar la configuración',
    errors: {
      inactivityDays: 'Elige entre 30 y 365 días.',
      tokenDurationDays: 'Elige entre 1 y 3650 días.',
      enforcement: 'Elige solo alertar o bloquear.',
      reminderLeadDays: 'Usa hasta 5 recordatorios, cada uno de 1 a 365 días antes.',
      reminderRecipients: 'Introduce hasta 20 direcciones de correo válidas.',
      webhookUrl:
        'Introduce una URL https (http fuera de producción) de un host público. Las direcciones privadas, locales y de metadatos de la nube se rechazan salvo que el operador del servidor las permita.',
      invalidLeadDay: '“{{value}}” no es un número de días de 1 a 365.',
      invalidEmail: '“{{value}}” no es una dirección de correo.',
    },
    enforceConfirm: {
      title: '¿Rechazar tokens vencidos?',
      count_one:
        '{{count}} clave activa tiene un token de más de {{days}} días: empezará a fallar ya.',
      count_other:
        '{{count}} claves activas tienen un token de más de {{days}} días: empezarán a fallar ya.',
      confirm: 'Aplicar',
    },
  },
  reminders: {
    title: 'Recordatorios recientes',
    explanation:
      'Los recordatorios se envían por correo cuando SMTP está configurado en el servidor, y al webhook cuando hay uno. Sin SMTP ni webhook, los recordatorios solo quedan registrados aquí.',
    loading: 'Cargando recordatorios',
    empty: 'Aún no hay recordatorios. Aparecen aquí cuando los tokens se acercan a su duración.',
    columns: {
      key: 'Clave',
      leadDays: 'Antelación',
      dueAt: 'Token desactualizado el',
      status: 'Estado',
      sentAt: 'Enviado',
    },
    leadDaysValue_one: '{{days}} día antes',
    leadDaysValue_other: '{{days}} días antes',
    attempts_zero: 'Ningún intento',
    attempts_one: '{{count}} intento',
    attempts_other: '{{count}} intentos',
    status: {
      SENT: 'Enviado',
      RECORDED: 'Solo registrado',
      PENDING: 'Pendiente de reintento',
      FAILED: 'Fallido',
    },
  },
  credentials: {
    title: 'Credenciales de API',
    intro:
      'Esta página muestra una clave de API y su token una sola vez. Ten un lugar seguro donde guardarlos y luego revélalos.',
    reveal: 'Revelar token',
    revealedWarning:
      'Este enlace ya no funciona: el token no se volverá a mostrar. Guárdalo en un lugar seguro antes de salir de esta página.',
    expiredTitle: 'Este enlace ha vencido',
    expiredDescription: 'Ya se abrió o tiene más de 24 horas. Pide uno nuevo a quien te lo envió.',
  },
};
