import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { sparklinePoints, UsageSparkline } from './usage-sparkline';

const apiKey = (usageLast7Days: number[]) => ({
  __typename: 'ApiKey' as const,
  id: 'k1',
  usageLast7Days,
});

describe('UsageSparkline', () => {
  it('draws seven days left to right, the busiest at the top, named by its total', () => {
    renderWithProviders(<UsageSparkline apiKey={apiKey([0, 5, 10, 0, 0, 2, 1_200])} />);
    const sparkline = screen.getByRole('img', { name: '1,217 verifications in the last 7 days' });
    const points = sparkline.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(7);
    const ys = points.map((point) => Number(point.split(',')[1]));
    expect(Math.min(...ys)).toBe(ys[6]);
    expect(ys[0]).toBe(ys[3]);
  });

  it('draws a flat line for a key never used, and nothing for a key of another account', () => {
    expect(
      new Set(
        sparklinePoints([0, 0, 0, 0, 0, 0, 0])
          .split(' ')
          .map((p) => p.split(',')[1]),
      ),
    ).toHaveProperty('size', 1);
    const { unmount } = renderWithProviders(
      <UsageSparkline apiKey={apiKey([0, 0, 0, 0, 0, 0, 0])} />,
    );
    expect(
      screen.getByRole('img', { name: '0 verifications in the last 7 days' }),
    ).toBeInTheDocument();
    unmount();
    renderWithProviders(<UsageSparkline apiKey={apiKey([])} />);
    expect(screen.queryByTestId('usage-sparkline')).not.toBeInTheDocument();
  });

  it('speaks the reader’s language', async () => {
    const { i18n } = await import('../../../lib/i18n');
    await i18n.changeLanguage('pt-BR');
    renderWithProviders(<UsageSparkline apiKey={apiKey([1, 0, 0, 0, 0, 0, 2])} />);
    expect(
      screen.getByRole('img', { name: '3 verificações nos últimos 7 dias' }),
    ).toBeInTheDocument();
  });
});
