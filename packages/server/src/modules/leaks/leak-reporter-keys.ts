import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A scanner's public key as GitHub publishes them (meta/public_keys/secret_scanning). */
export interface LeakReporterKey {
  key_identifier: string;
  /** PEM, an ECDSA P-256 public key. */
  key: string;
}

const entriesOf = (parsed: unknown): unknown[] => {
  if (Array.isArray(parsed)) return parsed;
  // GitHub's endpoint answers { public_keys: [...] }: its response can be saved as is.
  const listed = (parsed as { public_keys?: unknown } | null)?.public_keys;
  if (Array.isArray(listed)) return listed;
  throw new Error('KEYWARD_LEAK_REPORTER_KEYS must be a JSON array of { key_identifier, key }.');
};

/**
 * `KEYWARD_LEAK_REPORTER_KEYS`: the JSON itself, or a path to a file holding it. A malformed
 * entry stops the start, as a scanner whose reports were all refused would go unnoticed.
 */
export const parseLeakReporterKeys = (value: string | undefined): LeakReporterKey[] => {
  const raw = value?.trim() ?? '';
  if (raw === '') return [];
  const json = raw.startsWith('[') || raw.startsWith('{') ? raw : readFileSync(raw, 'utf8');
  const keys = entriesOf(JSON.parse(json) as unknown).map((entry) => {
    const { key_identifier: id, key } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || typeof key !== 'string') {
      throw new Error('Each leak reporter key needs a key_identifier and a PEM key.');
    }
    return { key_identifier: id, key };
  });
  new LeakReporterKeys(keys);
  return keys;
};

/** The public keys leak reports are signed with, by identifier. */
export class LeakReporterKeys {
  private readonly keys = new Map<string, KeyObject>();

  constructor(entries: readonly LeakReporterKey[]) {
    for (const entry of entries) {
      const key = createPublicKey(entry.key);
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
        throw new Error(`Leak reporter key ${entry.key_identifier} is not an ECDSA P-256 key.`);
      this.keys.set(entry.key_identifier, key);
    }
  }

  get configured(): boolean {
    return this.keys.size > 0;
  }

  /** ECDSA P-256 with SHA-256 over the raw body; the signature is base64 DER. */
  verify(body: Buffer, keyIdentifier: string | undefined, signature: string | undefined): boolean {
    const key = keyIdentifier ? this.keys.get(keyIdentifier) : undefined;
    if (!key || !signature) return false;
    try {
      return verify('sha256', body, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}
