import { BlockList, isIP } from 'node:net';

const MAX_REMEMBERED = 1_024;
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * A key's allowlist as the server sends it (canonical addresses and CIDR ranges). A check
 * by `node:net` costs microseconds, so each client address's answer is remembered (bounded):
 * a known caller is one Map lookup. IPv4-mapped IPv6 callers match IPv4 entries.
 */
export class AddressAllowlist {
  private readonly list = new BlockList();
  private readonly remembered = new Map<string, boolean>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const family = isIP(address);
      if (family === 0) continue;
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(prefix), type);
    }
  }

  allows(ip: string | null | undefined): boolean {
    if (!ip) return false;
    const known = this.remembered.get(ip);
    if (known !== undefined) return known;
    const address = MAPPED_IPV4.exec(ip)?.[1] ?? ip;
    const family = isIP(address);
    const allowed = family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(ip, allowed);
    return allowed;
  }
}
