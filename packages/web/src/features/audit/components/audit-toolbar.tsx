import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchFilter } from '../../../components/list-filters';
import { auditActions, isKnownAuditAction } from '../utils/audit-actions';

type AuditToolbarProps = {
  actor: string;
  action: string | null;
  targetKey: string;
  from: string | null;
  to: string | null;
  rangeInvalid: boolean;
  onActorChange: (actor: string) => void;
  onActionChange: (action: string | null) => void;
  onTargetKeyChange: (targetKey: string) => void;
  onFromChange: (from: string | null) => void;
  onToChange: (to: string | null) => void;
  /** Shown while a filter is set. */
  onClear?: () => void;
};

export const AuditToolbar = ({
  actor,
  action,
  targetKey,
  from,
  to,
  rangeInvalid,
  onActorChange,
  onActionChange,
  onTargetKeyChange,
  onFromChange,
  onToChange,
  onClear,
}: AuditToolbarProps) => {
  const { t } = useTranslation();
  const actionOptions = [
    { value: '', label: t('audit.filters.allActions') },
    ...auditActions.map((known) => ({ value: known, label: t(`audit.actions.${known}`) })),
    // A link may name an action this version does not know: keep it selectable.
    ...(action && !isKnownAuditAction(action) ? [{ value: action, label: action }] : []),
  ];

  return (
    <Group align="flex-start" gap="sm" wrap="wrap" data-testid="audit-filters">
      <SearchFilter
        label={t('audit.filters.actor')}
        placeholder={t('audit.filters.actorPlaceholder')}
        value={actor}
        onChange={onActorChange}
        data-testid="audit-filter-actor"
        w={220}
      />
      <NativeSelect
        label={t('audit.filters.action')}
        value={action ?? ''}
        onChange={(event) => onActionChange(event.currentTarget.value || null)}
        data={actionOptions}
        data-testid="audit-filter-action"
      />
      <SearchFilter
        label={t('audit.filters.targetKey')}
        placeholder={t('audit.filters.targetKeyPlaceholder')}
        value={targetKey}
        onChange={onTargetKeyChange}
        data-testid="audit-filter-target"
        w={220}
      />
      <TextInput
        type="date"
        label={t('audit.filters.from')}
        value={from ?? ''}
        max={to ?? undefined}
        onChange={(event) => onFromChange(event.currentTarget.value || null)}
        data-testid="audit-filter-from"
      />
      <TextInput
        type="date"
        label={t('audit.filters.to')}
        value={to ?? ''}
        min={from ?? undefined}
        onChange={(event) => onToChange(event.currentTarget.value || null)}
        error={rangeInvalid ? t('audit.filters.rangeInvalid') : undefined}
        data-testid="audit-filter-to"
      />
      {onClear && (
        <Button variant="subtle" mt={25} onClick={onClear} data-testid="audit-clear-filters">
          {t('audit.noMatch.clear')}
        </Button>
      )}
    </Group>
  );
};
