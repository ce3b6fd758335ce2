import { onDemandDialog } from '../../../components/on-demand';

/*
 * The Generated tab's dialogs, each loaded when first opened or when what opens it is hovered
 * or focused (first-load budget, SPEC §7).
 */

export const GenerateApiKeyDialog = onDemandDialog(() =>
  import('./generate-api-key-modal').then((module) => module.GenerateApiKeyModal),
);

export const ApiKeyActionDialogs = onDemandDialog(() =>
  import('./api-key-action-modals').then((module) => module.ApiKeyActionModals),
);
