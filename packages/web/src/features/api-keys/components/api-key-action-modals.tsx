import type { ApiKeyRow_ApiKeyFragment, RoleMultiSelect_RoleFragment } from '../../../gql/graphql';
import type { ApiKeyActionKind } from './api-key-action-menu';
import { useTranslation } from 'react-i18next';
import { useActivateApiKey } from '../hooks/use-activate-api-key';
import { useDeactivateApiKey } from '../hooks/use-deactivate-api-key';
import { useDeleteOldToken } from '../hooks/use-delete-old-token';
import { useUndoRenewal } from '../hooks/use-undo-renewal';
import { DeleteApiKeyModal } from './delete-api-key-modal';
import { EditApiKeyModal } from './edit-api-key-modal';
import { KeyActionConfirmModal } from './key-action-confirm-modal';
import { RenewApiTokenModal } from './renew-api-token-modal';

export type ApiKeyAction = { kind: ApiKeyActionKind; apiKey: ApiKeyRow_ApiKeyFragment };

type ApiKeyActionModalsProps = {
  action: ApiKeyAction | null;
  opened: boolean;
  roles: readonly RoleMultiSelect_RoleFragment[];
  onClose: () => void;
};

/** The action stays set while a dialog animates closed, so its text does not vanish mid-way. */
export const ApiKeyActionModals = ({ action, opened, roles, onClose }: ApiKeyActionModalsProps) => {
  const { t } = useTranslation();
  const [activate, activating] = useActivateApiKey();
  const [deactivate, deactivating] = useDeactivateApiKey();
  const [deleteOldToken, deletingOldToken] = useDeleteOldToken();
  const [undoRenewal, undoing] = useUndoRenewal();
  const apiKey = action?.apiKey ?? null;
  const isOpen = (kind: ApiKeyActionKind) => opened && action?.kind === kind;
  const shared = { apiKey, onClose };
  const noRenewalPending = t('renewActions.noRenewalPending');
  return (
    <>
      <EditApiKeyModal opened={isOpen('edit')} apiKey={apiKey} roles={roles} onClose={onClose} />
      <KeyActionConfirmModal
        {...shared}
        dialog="activateDialog"
        confirmColor="green"
        confirmTestId="confirm-activate"
        opened={isOpen('activate')}
        run={(id) => activate({ variables: { input: { id } } })}
        loading={activating.loading}
      />
      <KeyActionConfirmModal
        {...shared}
        dialog="deactivateDialog"
        confirmColor="orange"
        confirmTestId="confirm-deactivate"
        opened={isOpen('deactivate')}
        run={(id) => deactivate({ variables: { input: { id } } })}
        loading={deactivating.loading}
      />
      <DeleteApiKeyModal opened={isOpen('delete')} apiKey={apiKey} onClose={onClose} />
      <RenewApiTokenModal opened={isOpen('renew')} apiKey={apiKey} onClose={onClose} />
      <KeyActionConfirmModal
        {...shared}
        dialog="deleteOldTokenDialog"
        confirmColor="red"
        confirmTestId="confirm-delete-old-token"
        opened={isOpen('deleteOldToken')}
        run={(id) => deleteOldToken({ variables: { input: { id } } })}
        loading={deletingOldToken.loading}
        conflictMessage={noRenewalPending}
      />
      <KeyActionConfirmModal
        {...shared}
        dialog="undoRenewalDialog"
        confirmColor="orange"
        confirmTestId="confirm-undo-renewal"
        opened={isOpen('undoRenewal')}
        run={(id) => undoRenewal({ variables: { input: { id } } })}
        loading={undoing.loading}
        conflictMessage={noRenewalPending}
      />
    </>
  );
};
