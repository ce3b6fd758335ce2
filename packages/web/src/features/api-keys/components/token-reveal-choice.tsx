import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TokenReveal } from '../../../gql/graphql';

export const tokenReveals: readonly TokenReveal[] = ['TOKEN', 'SINGLE_ACCESS_LINK'];

/**
 * Chosen before anything is revealed (G7): a token meant for someone else goes straight into a
 * single-access link and is never shown on the admin's screen.
 */
export const TokenRevealChoice = ({
  value,
  onChange,
}: {
  value: TokenReveal;
  onChange: (value: TokenReveal) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('tokenReveal.label')}
      value={value}
      onChange={(chosen) => {
        const reveal = tokenReveals.find((candidate) => candidate === chosen);
        if (reveal) onChange(reveal);
      }}
      data-testid="token-reveal"
    >
      <Stack gap="xs" mt="xs">
        {tokenReveals.map((option) => (
          <Radio
            key={option}
            value={option}
            label={t(`tokenReveal.options.${option}`)}
            description={t(`tokenReveal.descriptions.${option}`)}
            data-testid={`token-reveal-${option}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
};
