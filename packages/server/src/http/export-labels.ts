/**
 * What a person reads in an exported workbook (S3): sheet names, column headers and statuses in
 * the requester's language. CSV keeps its technical headers, which tools read.
 */
export type ExportLanguage = 'en' | 'pt-BR' | 'es';

type Labels = {
  generatedSheet: string;
  externalSheet: string;
  generated: readonly string[];
  external: readonly string[];
  status: Record<string, string>;
};

const LABELS: Record<ExportLanguage, Labels> = {
  en: {
    generatedSheet: 'Generated keys',
    externalSheet: 'External keys',
    generated: [
      'ID',
      'Key',
      'Name',
      'Roles',
      'Created (UTC)',
      'Token created (UTC)',
      'New token created (UTC)',
      'Status',
      'Last used (UTC)',
      'Created by',
    ],
    external: ['ID', 'Key', 'Owner account', 'Roles', 'Added (UTC)', 'Status'],
    status: { ACTIVE: 'Active', INACTIVE: 'Inactive' },
  },
  'pt-BR': {
    generatedSheet: 'Chaves geradas',
    externalSheet: 'Chaves terceiras',
    generated: [
      'ID',
      'Chave',
      'Nome',
      'Perfis de acesso',
      'Criada em (UTC)',
      'Token criado em (UTC)',
      'Novo token criado em (UTC)',
      'Status',
      'Último uso (UTC)',
      'Criada por',
    ],
    external: [
      'ID',
      'Chave',
      'Conta proprietária',
      'Perfis de acesso',
      'Adicionada em (UTC)',
      'Status',
    ],
    status: { ACTIVE: 'Ativa', INACTIVE: 'Inativa' },
  },
  es: {
    generatedSheet: 'Claves generadas',
    externalSheet: 'Claves externas',
    generated: [
      'ID',
      'Clave',
      'Nombre',
      'Roles',
      'Creada (UTC)',
      'Token creado (UTC)',
      'Token nuevo creado (UTC)',
      'Estado',
      'Último uso (UTC)',
      'Creada por',
    ],
    external: ['ID', 'Clave', 'Cuenta propietaria', 'Roles', 'Agregada (UTC)', 'Estado'],
    status: { ACTIVE: 'Activa', INACTIVE: 'Inactiva' },
  },
};

const languageOf = (tag: string): ExportLanguage | null => {
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return null;
};

/** `lang` (what the app sends) first, then Accept-Language by preference, then English. */
export const exportLanguage = (
  lang: unknown,
  acceptLanguage: string | undefined,
): ExportLanguage => {
  if (typeof lang === 'string' && languageOf(lang)) return languageOf(lang)!;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of preferences) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
};

export const exportLabels = (language: ExportLanguage): Labels => LABELS[language];
