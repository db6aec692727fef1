import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ServiceError } from '../../kernel/index.js';

/** A parsed XML element: text, or child elements by name (repeated children as arrays where asked). */
export type XmlNode = string | { readonly [name: string]: XmlNode | readonly XmlNode[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Keys such as `007` or ` spaced ` must stay exactly as sent.
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => name === 'Object',
});

/** Parses a request body as XML, answering S3's MalformedXML for anything that is not well-formed. */
export function parseXmlBody(body: Buffer): Record<string, XmlNode> {
  const text = body.toString('utf8');
  if (XMLValidator.validate(text) !== true) throw malformedXml();
  const parsed = parser.parse(text) as Record<string, XmlNode>;
  delete parsed['?xml'];
  return parsed;
}

export function malformedXml(): ServiceError {
  return new ServiceError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}

/** The element's child, if the element has children. */
export function child(node: XmlNode | readonly XmlNode[] | undefined, name: string): XmlNode | readonly XmlNode[] | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  return (node as { readonly [name: string]: XmlNode | readonly XmlNode[] })[name];
}

/** The element's text ('' for `<A/>` or whitespace-only, undefined when absent or not text). */
export function textOf(node: XmlNode | readonly XmlNode[] | undefined): string | undefined {
  return typeof node === 'string' ? node : node !== undefined && !Array.isArray(node) && Object.keys(node).length === 0 ? '' : undefined;
}
