import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { i18n } from '../../../lib/i18n';
import { useAuthorityReason } from '../../../lib/use-authority-reason';
import { ApiKeyActionMenu } from './api-key-action-menu';

/** Hold what you touch (SPEC 5): actions the server would refuse are greyed out, with why. */
const MenuFor = ({
  viewerLacks,
  onAction,
}: {
  viewerLacks: { key: string; name: string }[];
  onAction: () => void;
}) => (
  <ApiKeyActionMenu
    name="Owner key"
    status="ACTIVE"
    renewalPending={false}
    canEdit
    canRenew
    lackReason={useAuthorityReason(viewerLacks)}
    onAction={onAction}
  />
);

describe('ApiKeyActionMenu', () => {
  it('disables every action on a key holding more than the viewer, and says which resources', async () => {
    const onAction = vi.fn();
    const { user } = renderWithProviders(
      <MenuFor
        viewerLacks={[
          { key: 'license-manager:edit-users', name: 'Edit users' },
          { key: 'orders:edit-orders', name: 'Edit orders' },
        ]}
        onAction={onAction}
      />,
    );
    await user.click(screen.getByRole('button', { name: /Owner key/ }));
    expect(await screen.findByTestId('authority-reason')).toHaveTextContent(
      'You cannot act on this: it holds Edit users and Edit orders, which you do not hold.',
    );
    for (const name of [/Edit/, /Deactivate/, /Renew token/, /Delete/]) {
      const item = screen.getByRole('menuitem', { name });
      expect(item).toBeDisabled();
      item.click();
    }
    expect(onAction).not.toHaveBeenCalled();
  });

  it('names the resources in the viewer’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    try {
      const { user } = renderWithProviders(
        <MenuFor
          viewerLacks={[{ key: 'license-manager:edit-users', name: 'Edit users' }]}
          onAction={vi.fn()}
        />,
      );
      await user.click(screen.getByRole('button', { name: /Owner key/ }));
      expect(await screen.findByTestId('authority-reason')).toHaveTextContent(
        /Você não pode agir sobre este item/,
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('leaves the actions enabled on a key the viewer holds everything of', async () => {
    const onAction = vi.fn();
    const { user } = renderWithProviders(<MenuFor viewerLacks={[]} onAction={onAction} />);
    await user.click(screen.getByRole('button', { name: /Owner key/ }));
    expect(screen.queryByTestId('authority-reason')).not.toBeInTheDocument();
    await user.click(await screen.findByRole('menuitem', { name: /Deactivate/ }));
    expect(onAction).toHaveBeenCalledWith('deactivate');
  });
});
