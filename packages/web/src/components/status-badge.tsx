import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiKeyStatus } from '../gql/graphql';

export const StatusBadge = ({ status }: { status: ApiKeyStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'ACTIVE' ? 'green' : 'gray'} variant="light">
      {t(`keys.status.${status}`)}
    </Badge>
  );
};
