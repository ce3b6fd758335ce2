import { describe, expect, it } from 'vitest';
import { throttleSourceOf } from '@keyward/shared';
import { throttleSourceOf as verifierSourceOf } from '@keyward/verify';

/** What a failure from each address is counted against, by the server and by @keyward/verify. */
const CASES: [address: string, source: string][] = [
  ['203.0.113.7', '203.0.113.7'],
  ['unknown', 'unknown'],
  ['via-key:7d0c6a8e-1f7b-4c5e-9a51-0d3c1e8f2b44', 'via-key:7d0c6a8e-1f7b-4c5e-9a51-0d3c1e8f2b44'],
  ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
  ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
  ['2001:0DB8:0001:0002:0000:0000:0000:0009', '2001:db8:1:2::/64'],
  ['2001:db8:1:3::1', '2001:db8:1:3::/64'],
  ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
  ['::', '0:0:0:0::/64'],
  ['2001:db8::', '2001:db8:0:0::/64'],
  ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
  ['::ffff:198.51.100.4', '198.51.100.4'],
  ['::FFFF:198.51.100.4', '198.51.100.4'],
  ['::ffff:c633:6404', '198.51.100.4'],
  ['0:0:0:0:0:ffff:198.51.100.4', '198.51.100.4'],
  // Not addresses: counted as given (and a source is its own source).
  ['2001:db8:1:2::/64', '2001:db8:1:2::/64'],
  ['2001:db8::1::2', '2001:db8::1::2'],
  ['1:2:3:4:5:6:7', '1:2:3:4:5:6:7'],
  ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9'],
  ['12345::1', '12345::1'],
  ['::ffff:300.1.1.1', '::ffff:300.1.1.1'],
];

describe('the source a failure is counted against', () => {
  it.each(CASES)(
    '%s counts as %s, the same on the server and in @keyward/verify',
    (address, source) => {
      expect(throttleSourceOf(address)).toBe(source);
      expect(verifierSourceOf(address)).toBe(source);
      expect(throttleSourceOf(source)).toBe(source);
    },
  );
});
