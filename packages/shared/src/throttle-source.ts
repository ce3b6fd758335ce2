const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const DOTTED_IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The groups of one side of `::`, a dotted IPv4 tail counting as two; null if malformed. */
const groupsOf = (part: string, mayEndInIpv4: boolean): number[] | null => {
  if (part === '') return [];
  const groups: number[] = [];
  const fields = part.split(':');
  for (const [index, field] of fields.entries()) {
    const dotted = mayEndInIpv4 && index === fields.length - 1 ? DOTTED_IPV4.exec(field) : null;
    if (dotted) {
      const bytes = dotted.slice(1).map(Number);
      if (bytes.some((byte) => byte > 255)) return null;
      groups.push((bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!);
    } else if (HEX_GROUP.test(field)) groups.push(parseInt(field, 16));
    else return null;
  }
  return groups;
};

/** The eight 16-bit groups of an IPv6 address (lower case, no zone), or null. */
const ipv6Groups = (address: string): number[] | null => {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
};

/**
 * Who a failure is counted against: an IPv4 address as itself, an IPv6 address by its /64.
 * One subscriber is handed a /64 (or more), so counting each of its 2^64 addresses apart
 * would let one client rotate past every per-source limit. IPv4-mapped IPv6 (`::ffff:a.b.c.d`,
 * what a dual-stack socket reports) is the IPv4 client it carries. Anything else (`unknown`,
 * a source a service names) is returned as it is, so applying it twice changes nothing.
 */
export const throttleSourceOf = (address: string): string => {
  if (!address.includes(':')) return address;
  const zone = address.indexOf('%');
  const groups = ipv6Groups((zone >= 0 ? address.slice(0, zone) : address).toLowerCase());
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
};
