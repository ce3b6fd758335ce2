import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { RevealedToken } from './revealed-token';

/** A key and its new token (or the single-access link to it), as the mutation returned them. */
export type Revealed = {
  id: string;
  key: string;
  token: string | null;
  link: { path: string; expiresAt: string } | null;
};

type RevealingPayload = {
  apiKey: { id: string; key: string };
  token?: string | null;
  singleAccessLink?: { path: string; expiresAt: string } | null;
};

export const revealedFrom = (payload: RevealingPayload): Revealed => ({
  id: payload.apiKey.id,
  key: payload.apiKey.key,
  token: payload.token ?? null,
  link: payload.singleAccessLink ?? null,
});

type TokenRevealDialogProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Once set, the dialog shows it in place of the form. */
  revealed: Revealed | null;
  onRevealedChange: (revealed: Revealed) => void;
  /** The form that leads to the token. */
  children: ReactNode;
};

/**
 * A form dialog that ends in a token shown once (generate, renew). A stray click must neither
 * throw away a token that cannot be shown again nor what was entered; once the token is shown,
 * neither may Escape.
 */
export const TokenRevealDialog = ({
  opened,
  onClose,
  title,
  revealed,
  onRevealedChange,
  children,
}: TokenRevealDialogProps) => (
  <Modal
    opened={opened}
    onClose={onClose}
    title={title}
    size="lg"
    centered
    closeOnClickOutside={false}
    closeOnEscape={!revealed}
  >
    {revealed ? (
      <RevealedToken
        apiKey={revealed.key}
        apiKeyId={revealed.id}
        token={revealed.token}
        initialLink={revealed.link}
        onClose={onClose}
        onTokenDiscarded={() => onRevealedChange({ ...revealed, token: null })}
      />
    ) : (
      children
    )}
  </Modal>
);
