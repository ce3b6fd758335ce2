import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie of a browser that signed in before: which emails it proved (see holdSignIn). */
export const KNOWN_DEVICE_COOKIE = 'kw_device';
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Proof that this browser once signed in as this email: an HMAC under the server secret,
 * nothing stored. It skips the per-email sign-in queue only, never the password nor the
 * per-source throttle, so an attack on an email cannot keep its owner out of a browser they
 * used before.
 */
export const knownDeviceProof = (secret: string, email: string): string =>
  createHmac('sha256', secret).update(`known-device\u0000${email}`).digest('base64url');

export const isKnownDevice = (
  secret: string,
  email: string,
  presented: string | undefined,
): boolean => {
  if (!presented) return false;
  const expected = Buffer.from(knownDeviceProof(secret, email));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
