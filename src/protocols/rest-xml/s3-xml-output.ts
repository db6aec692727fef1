import { xmlText } from '../aws-query/xml-text.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A value an element may hold: text, a number, a boolean, a timestamp, nested XML, or nothing (omitted). */
export type XmlValue = string | number | boolean | { readonly xml: string } | undefined;

/** `<name>value</name>`, or '' when the value is undefined (S3 omits absent members). */
export function el(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  const inner = typeof value === 'object' ? value.xml : xmlText(String(value));
  return `<${name}>${inner}</${name}>`;
}

export const nested = (...children: readonly string[]): { readonly xml: string } => ({ xml: children.join('') });

/** restXml timestamps: ISO-8601 with milliseconds, as S3 writes them. */
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** A whole document: declaration and a root element in S3's namespace. */
export function s3Document(root: string, ...children: readonly string[]): string {
  return `${DECLARATION}<${root} xmlns="${S3_XMLNS}">${children.join('')}</${root}>`;
}

export function errorDocument(children: readonly string[]): string {
  return `${DECLARATION}<Error>${children.join('')}</Error>`;
}
