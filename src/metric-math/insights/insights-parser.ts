import { MetricMathError } from '../metric-math-error.js';
import type { InsightsFunction, InsightsOrder, InsightsPredicate, InsightsQuery } from './insights-ast.js';
import { INSIGHTS_FUNCTIONS } from './insights-ast.js';
import type { InsightsToken } from './insights-lexer.js';
import { tokenizeInsights } from './insights-lexer.js';

/** AWS: "The maximum value that you can specify is 500." */
export const MAX_INSIGHTS_LIMIT = 500;

/** Parses a Metrics Insights `SELECT ...` query; clauses must come in the documented order. */
export function parseInsightsQuery(text: string): InsightsQuery {
  return new InsightsParser(text).parse();
}

/** True when an Expression is a Metrics Insights query rather than metric math (AWS never mixes the two). */
export function isInsightsQuery(text: string): boolean {
  return /^\s*select\b/i.test(text);
}

class InsightsParser {
  private readonly tokens: InsightsToken[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenizeInsights(text);
  }

  parse(): InsightsQuery {
    this.keyword('SELECT');
    const aggregation = this.functionName();
    this.punct('(');
    const metricName = this.identifier('a metric name');
    this.punct(')');
    this.keyword('FROM');
    const { namespace, schemaKeys } = this.source();
    const where = this.accept('keyword', 'WHERE') ? this.parseOr() : undefined;
    const groupBy = this.accept('keyword', 'GROUP') ? (this.keyword('BY'), this.identifierList('a label key', true)) : [];
    const orderBy = this.accept('keyword', 'ORDER') ? (this.keyword('BY'), this.order()) : undefined;
    const limit = this.accept('keyword', 'LIMIT') ? this.limit() : undefined;
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unexpected(rest);
    return { kind: 'insights', aggregation, metricName, namespace, schemaKeys, where, groupBy, orderBy, limit };
  }

  private peek(): InsightsToken {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as InsightsToken;
  }

  private accept(type: 'keyword' | 'punct', value: string): boolean {
    const token = this.peek();
    if ((token.type !== type) || token.value !== value) return false;
    this.index++;
    return true;
  }

  private keyword(value: string): void {
    if (!this.accept('keyword', value)) throw this.unexpected(this.peek(), `expected ${value}`);
  }

  private punct(value: string): void {
    if (!this.accept('punct', value)) throw this.unexpected(this.peek(), `expected '${value}'`);
  }

  /** Only label keys may be bare dotted words (`AWS.AccountId`); other names with a dot must be double-quoted. */
  private identifier(what: string, dotted = false): string {
    const token = this.peek();
    if (token.type !== 'identifier') throw this.unexpected(token, `expected ${what}`);
    if (!dotted && !token.quoted && token.value.includes('.')) {
      throw this.unexpected(token, 'names with characters other than letters, numbers and _ must be double-quoted');
    }
    this.index++;
    return token.value;
  }

  private identifierList(what: string, dotted: boolean): string[] {
    const names = [this.identifier(what, dotted)];
    while (this.accept('punct', ',')) names.push(this.identifier(what, dotted));
    return names;
  }

  private functionName(): InsightsFunction {
    const token = this.peek();
    const name = token.type === 'identifier' && !token.quoted ? token.value.toUpperCase() : '';
    const found = INSIGHTS_FUNCTIONS.find((f) => f === name);
    if (found === undefined) throw this.unexpected(token, 'expected AVG, COUNT, MAX, MIN or SUM');
    this.index++;
    return found;
  }

  private source(): { namespace: string; schemaKeys: readonly string[] | undefined } {
    if (!this.accept('keyword', 'SCHEMA')) return { namespace: this.identifier('a namespace'), schemaKeys: undefined };
    this.punct('(');
    const namespace = this.identifier('a namespace');
    const schemaKeys = this.accept('punct', ',') ? this.identifierList('a dimension name', false) : [];
    this.punct(')');
    return { namespace, schemaKeys };
  }

  private order(): InsightsOrder {
    const fn = this.functionName();
    this.punct('(');
    this.punct(')');
    const direction = this.accept('keyword', 'DESC') ? 'DESC' : (this.accept('keyword', 'ASC'), 'ASC');
    return { function: fn, direction };
  }

  private limit(): number {
    const token = this.peek();
    if (token.type !== 'number') throw this.unexpected(token, 'expected a number');
    if (token.value < 1 || token.value > MAX_INSIGHTS_LIMIT) {
      const message = `LIMIT must be between 1 and ${MAX_INSIGHTS_LIMIT}, got ${token.value}`;
      throw new MetricMathError(message, token.pos, 'validation');
    }
    this.index++;
    return token.value;
  }

  private parseOr(): InsightsPredicate {
    let left = this.parseAnd();
    while (this.accept('keyword', 'OR')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): InsightsPredicate {
    let left = this.parseAtom();
    while (this.accept('keyword', 'AND')) left = { kind: 'and', left, right: this.parseAtom() };
    return left;
  }

  private parseAtom(): InsightsPredicate {
    if (this.accept('punct', '(')) {
      const inner = this.parseOr();
      this.punct(')');
      return inner;
    }
    const key = this.identifier('a label key', true);
    const op = this.accept('punct', '=') ? '=' : this.accept('punct', '!=') ? '!=' : undefined;
    if (op === undefined) throw this.unexpected(this.peek(), "expected '=' or '!='");
    const value = this.peek();
    if (value.type !== 'string') throw this.unexpected(value, 'label values are enclosed in single quotation marks');
    this.index++;
    return { kind: 'compare', key, op, value: value.value };
  }

  private unexpected(token: InsightsToken, hint?: string): MetricMathError {
    const what = token.type === 'end' ? 'end of query' : `'${this.text.slice(token.pos).split(/\s/)[0] ?? ''}'`;
    const suffix = hint === undefined ? '' : ` (${hint})`;
    return new MetricMathError(`Unexpected ${what} at position ${token.pos}${suffix}`, token.pos, 'syntax');
  }
}
