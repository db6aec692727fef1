import { assertNever } from '../../kernel/index.js';
import type { SearchQuery, SearchSchema, SearchTerm } from './search-ast.js';

/** Canonical text of a search expression: explicit AND, parentheses only where precedence needs them. */
export function printSearchQuery(query: SearchQuery): string {
  const parts: string[] = [];
  if (query.schema !== undefined) parts.push(printSchema(query.schema));
  if (query.term !== undefined) parts.push(printTerm(query.term));
  return parts.join(' ');
}

function printSchema(schema: SearchSchema): string {
  return `{${[schema.namespace, ...schema.dimensionNames].map(printSchemaName).join(',')}}`;
}

function printSchemaName(name: string): string {
  return /^[^\s,{}"]+$/.test(name) ? name : quote(name);
}

/** Binding strength: OR 1, AND 2, NOT 3, terms 4. */
function strength(term: SearchTerm): number {
  if (term.kind === 'or') return 1;
  if (term.kind === 'and') return 2;
  if (term.kind === 'not') return 3;
  return 4;
}

/** Parenthesise `term` when it binds looser than `min` (left-associative operators pass min + 1 on the right). */
function wrap(term: SearchTerm, min: number): string {
  const text = printTerm(term);
  return strength(term) < min ? `(${text})` : text;
}

export function printTerm(term: SearchTerm): string {
  switch (term.kind) {
    case 'or':
      return `${wrap(term.left, 1)} OR ${wrap(term.right, 2)}`;
    case 'and':
      return `${wrap(term.left, 2)} AND ${wrap(term.right, 3)}`;
    case 'not':
      return `NOT ${wrap(term.operand, 3)}`;
    case 'partial':
      return term.text;
    case 'exact':
      return quote(term.text);
    case 'property': {
      const name = /^[^\s()"=]+$/.test(term.name) ? term.name : quote(term.name);
      return `${name}=${term.exact ? quote(term.value) : term.value}`;
    }
    default:
      return assertNever(term, 'search term');
  }
}

/** AWS: inside double quotes, `"`, `\`, `(` and `)` are escaped with a backslash. */
function quote(text: string): string {
  return `"${text.replace(/["\\()]/g, (ch) => `\\${ch}`)}"`;
}
