import { ServiceError } from '../../kernel/index.js';

/**
 * A restJson1 URI template such as `/model/{modelId}/converse` or `/{Bucket}/{Key+}?uploads`, compiled to a matcher
 * over the raw (still percent-encoded) request path. A label takes one path segment, a greedy label (`{name+}`) the
 * rest of the path; both are percent-decoded, so a model id sent as `anthropic.claude-v2%3A1` or an ARN whose `/`
 * arrives as `%2F` comes out as written. Literal query keys in the template must be present in the request.
 */
export interface UriTemplate {
  /** Literal characters in the path; more literal text means a more specific template (it is tried first). */
  readonly specificity: number;
  match(path: string, query: URLSearchParams): Record<string, string> | undefined;
}

type Part = { readonly literal: string } | { readonly label: string; readonly greedy: boolean };

export function compileUriTemplate(template: string): UriTemplate {
  const [pathPart = '', queryPart = ''] = template.split('?');
  const parts: Part[] = pathPart.split('/').slice(1).map((segment) => {
    const label = /^\{([^}+]+)(\+?)\}$/.exec(segment);
    return label === null ? { literal: segment } : { label: label[1] ?? '', greedy: label[2] === '+' };
  });
  const requiredQuery = queryPart === '' ? [] : queryPart.split('&').map((pair) => pair.split('=') as [string, string?]);
  const specificity = parts.reduce((sum, part) => sum + ('literal' in part ? part.literal.length + 1 : 0), 0) + requiredQuery.length;

  return {
    specificity,
    match(path, query) {
      for (const [key, value] of requiredQuery) {
        if (!query.has(key) || (value !== undefined && query.get(key) !== value)) return undefined;
      }
      // A trailing slash (`/foundation-models/`) names the same resource.
      const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
      const segments = trimmed.split('/').slice(1);
      const labels: Record<string, string> = {};
      for (let i = 0; i < parts.length; i += 1) {
        const part = parts[i] as Part;
        const segment = segments[i];
        if (segment === undefined) return undefined;
        if ('literal' in part) {
          if (segment !== part.literal) return undefined;
          continue;
        }
        if (part.greedy) {
          const rest = segments.slice(i);
          if (rest.join('') === '') return undefined;
          labels[part.label] = rest.map(decodeSegment).join('/');
          return labels;
        }
        if (segment === '') return undefined;
        labels[part.label] = decodeSegment(segment);
      }
      return segments.length === parts.length ? labels : undefined;
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new ServiceError('ValidationException', `The request path segment '${segment}' is not valid percent-encoding.`, { cause });
  }
}
