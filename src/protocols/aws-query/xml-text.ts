/**
 * Escapes text for XML element content. `\r` is written as a character reference because parsers normalise a raw
 * one to `\n`; characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates) become U+FFFD.
 */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c)
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
};

/** `<name>inner</name>`; `inner` must already be XML. */
export function element(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}
