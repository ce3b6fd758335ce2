import { NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus } from '../gql/graphql';

export const searchDebounceMs = 300;

type SearchFilterProps = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (search: string) => void;
  'data-testid': string;
  w?: number;
};

/** A search box that shows each keystroke and commits the text once typing pauses. */
export const SearchFilter = ({ value, onChange, w = 260, ...props }: SearchFilterProps) => {
  const [draft, setDraft] = useState(value);
  const commit = useDebouncedCallback(onChange, searchDebounceMs);

  // Back/forward navigation changes the URL under us: show what it now says.
  useEffect(() => setDraft(value), [value]);

  return (
    <TextInput
      {...props}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      value={draft}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      w={w}
    />
  );
};

const parseStatus = (value: string): ApiKeyStatus | null =>
  value === 'ACTIVE' || value === 'INACTIVE' ? value : null;

/** Active, inactive or all keys. */
export const KeyStatusFilter = ({
  value,
  onChange,
  'data-testid': testId,
}: {
  value: ApiKeyStatus | null;
  onChange: (status: ApiKeyStatus | null) => void;
  'data-testid': string;
}) => {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('keys.statusFilter')}
      value={value ?? ''}
      onChange={(event) => onChange(parseStatus(event.currentTarget.value))}
      data={[
        { value: '', label: t('keys.statusAll') },
        { value: 'ACTIVE', label: t('keys.status.ACTIVE') },
        { value: 'INACTIVE', label: t('keys.status.INACTIVE') },
      ]}
      data-testid={testId}
    />
  );
};
