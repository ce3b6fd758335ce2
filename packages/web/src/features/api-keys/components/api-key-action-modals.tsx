import type { ApiKeyRow_ApiKeyFragment, RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import type { ApiKeyActionKind } from './api-key-action-menu';
import { ActivateApiKeyModal } from './activate-api-key-modal';
import { DeactivateApiKeyModal } from './deactivate-api-key-modal';
import { DeleteApiKeyModal } from './delete-api-key-modal';
import { DeleteOldTokenModal } from './delete-old-token-modal';
import { EditApiKeyModal } from './edit-api-key-modal';
import { RenewApiTokenModal } from './renew-api-token-modal';
import { UndoRenewalModal } from './undo-renewal-modal';

export type ApiKeyAction = { kind: ApiKeyActionKind; apiKey: ApiKeyRow_ApiKeyFragment };

type ApiKeyActionModalsProps = {
  action: ApiKeyAction | null;
  opened: boolean;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

/** The action stays set while a dialog animates closed, so its text does not vanish mid-way. */
export const ApiKeyActionModals = ({ action, opened, roles, onClose }: ApiKeyActionModalsProps) => {
  const apiKey = action?.apiKey ?? null;
  const isOpen = (kind: ApiKeyActionKind) => opened && action?.kind === kind;
  return (
    <>
      <EditApiKeyModal opened={isOpen('edit')} apiKey={apiKey} roles={roles} onClose={onClose} />
      <ActivateApiKeyModal opened={isOpen('activate')} apiKey={apiKey} onClose={onClose} />
      <DeactivateApiKeyModal opened={isOpen('deactivate')} apiKey={apiKey} onClose={onClose} />
      <DeleteApiKeyModal opened={isOpen('delete')} apiKey={apiKey} onClose={onClose} />
      <RenewApiTokenModal opened={isOpen('renew')} apiKey={apiKey} onClose={onClose} />
      <DeleteOldTokenModal opened={isOpen('deleteOldToken')} apiKey={apiKey} onClose={onClose} />
      <UndoRenewalModal opened={isOpen('undoRenewal')} apiKey={apiKey} onClose={onClose} />
    </>
  );
};
