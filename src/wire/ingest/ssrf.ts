import ipaddr from 'ipaddr.js';

/** How ipaddr.js names the ranges we refuse, in words for the error an editor reads. */
const rangeWords: Record<string, string> = {
  private: 'private network',
  loopback: 'loopback (this machine)',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local (private network)',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  reserved: 'reserved',
};

/**
 * The kind of a non-public address ("private network", "loopback (this machine)"...), or null
 * for an ordinary public one. Only ipaddr.js's 'unicast' (the rest of the Internet) is
 * public; IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries, and
 * anything unparseable is refused.
 */
export function nonPublicKind(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'unrecognised';
  const parsed = ipaddr.process(bare);
  const range = parsed.range();
  if (range === 'unicast') return null;
  return rangeWords[range] ?? range;
}

export const isPublicAddress = (address: string): boolean => nonPublicKind(address) === null;

/** Host names compared as the URL parser writes them: lowercased, IPv6 without brackets. */
export function normalHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}
