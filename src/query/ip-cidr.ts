/** `a.b.c.d/n` as its five numbers, or undefined when it is not an IPv4 CIDR. */
export function parseIpv4Cidr(text: string): readonly [number, number, number, number, number] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (match === null) return undefined;
  const [a, b, c, e, bits] = match.slice(1).map(Number) as [number, number, number, number, number];
  return [a, b, c, e].some((octet) => octet > 255) || bits > 32 ? undefined : [a, b, c, e, bits];
}

export interface Ipv6Cidr {
  /** The network address as 32 lower-case hex digits (the `::` expanded). */
  readonly hex: string;
  readonly bits: number;
}

/** `2001:db8::/32` as its expanded address and prefix length, or undefined when it is not an IPv6 CIDR. */
export function parseIpv6Cidr(text: string): Ipv6Cidr | undefined {
  const match = /^([0-9A-Fa-f:]+)\/(\d{1,3})$/.exec(text);
  if (match === null) return undefined;
  const bits = Number(match[2]);
  const hex = expandIpv6(match[1] ?? '');
  return hex === undefined || bits > 128 ? undefined : { hex, bits };
}

/** Colon-hex IPv6 text as 32 hex digits; undefined when it is not one (the dotted IPv4 tail form is not accepted). */
export function expandIpv6(text: string): string | undefined {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return all.map((group) => group.padStart(4, '0')).join('');
}

/**
 * The addresses of an IPv6 subnet as a regex over their 32-hex-digit expansion: the whole nibbles of the prefix
 * literally, then the one partial nibble as the class of hex digits that share its leading bits. Membership is then
 * one regex match, which every dialect has, instead of 128-bit arithmetic, which few do.
 */
export function ipv6SubnetRegex(cidr: Ipv6Cidr): string {
  const whole = Math.floor(cidr.bits / 4);
  const partialBits = cidr.bits % 4;
  let regex = `^${cidr.hex.slice(0, whole)}`;
  if (partialBits > 0) {
    const span = 2 ** (4 - partialBits);
    const first = Math.floor(Number.parseInt(cidr.hex[whole] ?? '0', 16) / span) * span;
    regex += `[${Array.from({ length: span }, (_, i) => (first + i).toString(16)).join('')}]`;
  }
  return regex;
}
