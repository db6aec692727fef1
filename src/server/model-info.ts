import type { BodyFormatName, FoundationModelInfo, ModelModality } from '../services/bedrock/index.js';
import type { ModelEntryConfig } from './model-config.js';

interface Family {
  readonly match: RegExp;
  readonly providerName: string;
  readonly format: BodyFormatName;
  readonly input: readonly ModelModality[];
  readonly output: readonly ModelModality[];
  readonly streaming: boolean;
}

/** What a foundation-model id says about its model, by family (the id's provider prefix and name). */
const FAMILIES: readonly Family[] = [
  { match: /^anthropic\.claude-(v2|instant)/, providerName: 'Anthropic', format: 'anthropic-messages', input: ['TEXT'], output: ['TEXT'], streaming: true },
  { match: /^anthropic\./, providerName: 'Anthropic', format: 'anthropic-messages', input: ['TEXT', 'IMAGE'], output: ['TEXT'], streaming: true },
  { match: /^amazon\.titan-embed-text-v1/, providerName: 'Amazon', format: 'titan-embed-v1', input: ['TEXT'], output: ['EMBEDDING'], streaming: false },
  { match: /^amazon\.titan-embed/, providerName: 'Amazon', format: 'titan-embed-v2', input: ['TEXT'], output: ['EMBEDDING'], streaming: false },
  { match: /^amazon\.titan-image/, providerName: 'Amazon', format: 'titan-image', input: ['TEXT', 'IMAGE'], output: ['IMAGE'], streaming: false },
  { match: /^amazon\.titan-(text|tg1)/, providerName: 'Amazon', format: 'titan-text', input: ['TEXT'], output: ['TEXT'], streaming: true },
];

/** Catalog facts for a configured model: explicit config wins, then the id's family, then a plain text model. */
export function modelInfoFor(entry: ModelEntryConfig): { readonly info: FoundationModelInfo; readonly format: BodyFormatName } {
  const id = entry.modelId.replace(/^(us|eu|apac|us-gov|global|ca|jp|au)\./, '');
  const family = FAMILIES.find((f) => f.match.test(id));
  const prefix = id.includes('.') ? id.slice(0, id.indexOf('.')) : 'ModelWatch';
  return {
    format: entry.format ?? family?.format ?? 'none',
    info: {
      modelName: entry.modelName ?? nameOf(id),
      providerName: entry.providerName ?? family?.providerName ?? prefix.charAt(0).toUpperCase() + prefix.slice(1),
      inputModalities: entry.inputModalities ?? family?.input ?? ['TEXT'],
      outputModalities: entry.outputModalities ?? family?.output ?? ['TEXT'],
      responseStreamingSupported: family?.streaming ?? true,
      legacy: /^anthropic\.claude-(v2|instant)/.test(id),
    },
  };
}

/** `anthropic.claude-3-5-haiku-20241022-v1:0` -> `Claude 3 5 Haiku`; good enough for a catalog listing. */
function nameOf(id: string): string {
  const base = (id.split('.')[1] ?? id).split(':')[0] ?? id;
  const words = base.split('-').filter((w) => !/^\d{8}$/.test(w) && !/^v\d+$/.test(w));
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
