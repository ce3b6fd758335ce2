import { Initial1763900000000 } from './1763900000000-initial.js';
import { PasswordSetupLinks1763910000000 } from './1763910000000-password-setup-links.js';
import { TokenLifecycle1763920000000 } from './1763920000000-token-lifecycle.js';
import { AuthCacheVersion1763930000000 } from './1763930000000-auth-cache-version.js';
import { NameSortIndex1763940000000 } from './1763940000000-name-sort-index.js';
import { OldTokenLiveUntil1763950000000 } from './1763950000000-old-token-live-until.js';
import { NameIndexWithKey1763960000000 } from './1763960000000-name-index-with-key.js';
import { KeyNamesVersion1763970000000 } from './1763970000000-key-names-version.js';
import { Invitations1764000000000 } from './1764000000000-invitations.js';
import { KeyCreatedBy1764010000000 } from './1764010000000-key-created-by.js';
import { VerifyApiKeysResource1764100000000 } from './1764100000000-verify-api-keys-resource.js';
import { KeyPolicies1764200000000 } from './1764200000000-key-policies.js';
import { KeyUsage1764210000000 } from './1764210000000-key-usage.js';
import { LifecycleWebhooks1764220000000 } from './1764220000000-lifecycle-webhooks.js';
import { LeaksAndInactivity1764230000000 } from './1764230000000-leaks-and-inactivity.js';

/** In order. A migration, once released, is never edited: add a new one. */
export const migrations = [
  Initial1763900000000,
  PasswordSetupLinks1763910000000,
  TokenLifecycle1763920000000,
  AuthCacheVersion1763930000000,
  NameSortIndex1763940000000,
  OldTokenLiveUntil1763950000000,
  NameIndexWithKey1763960000000,
  KeyNamesVersion1763970000000,
  Invitations1764000000000,
  KeyCreatedBy1764010000000,
  VerifyApiKeysResource1764100000000,
  KeyPolicies1764200000000,
  KeyUsage1764210000000,
  LifecycleWebhooks1764220000000,
  LeaksAndInactivity1764230000000,
];
