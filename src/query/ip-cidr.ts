/** `a.b.c.d/n` as its five numbers, or undefined when it is not an IPv4 CIDR. */
export function parseIpv4Cidr(text: string): readonly [number, number, number, number, number] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (match === null) return undefined;
  const [a, b, c, e, bits] = match.slice(1).map(Number) as [number, number, number, number, number];
  return [a, b, c, e].some((octet) => octet > 255) || bits > 32 ? undefined : [a, b, c, e, bits];
}
