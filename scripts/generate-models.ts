/**
 * Generates src/models/<service>/* from the AWS API models (../shared/aws-models/*.json, botocore format):
 * TypeScript types for the input and output shapes of the operations ModelWatch serves, a data table of each
 * input shape's constraints for the model-driven validator and, for services that also speak awsQuery (CloudWatch),
 * the shape description the awsQuery codec takes. Run with `npm run generate:models`; commit the output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ServiceSpec {
  /** Folder and file prefix under src/models, e.g. `logs`. */
  readonly id: string;
  /** Prefix of the exported names: `logs` -> `logsOperations`, `LogsOperationName`. */
  readonly exportPrefix: string;
  readonly title: string;
  /** How the generated doc comments name the service. */
  readonly label: string;
  readonly modelFile: string;
  /** The operations ModelWatch implements; every other operation stays out of the generated files. */
  readonly operations: readonly string[];
  /** Also write `<id>-query-shapes.ts` for the awsQuery codec. */
  readonly query: boolean;
  /** restJson1 services: also write `<id>-rest-bindings.ts` for the rest-json codec. */
  readonly rest?: RestSpec;
}

interface RestSpec {
  /** Response headers AWS sends that the model does not list: operation -> output member -> header name. */
  readonly extraOutputHeaders?: Readonly<Record<string, Readonly<Record<string, { readonly header: string; readonly type: string }>>>>;
}

// Observed on real Bedrock InvokeModel responses (spec 3.2) and read by many tools, though not in the model.
const INVOKE_MODEL_HEADERS = {
  inputTokenCount: { header: 'X-Amzn-Bedrock-Input-Token-Count', type: 'integer' },
  outputTokenCount: { header: 'X-Amzn-Bedrock-Output-Token-Count', type: 'integer' },
  invocationLatency: { header: 'X-Amzn-Bedrock-Invocation-Latency', type: 'long' },
  cacheReadInputTokenCount: { header: 'X-Amzn-Bedrock-Cache-Read-Input-Token-Count', type: 'integer' },
  cacheWriteInputTokenCount: { header: 'X-Amzn-Bedrock-Cache-Write-Input-Token-Count', type: 'integer' },
};

const SERVICES: readonly ServiceSpec[] = [
  {
    id: 'logs',
    exportPrefix: 'logs',
    title: 'CloudWatch Logs',
    label: 'Logs',
    modelFile: 'logs.json',
    operations: [
      'AssociateKmsKey', 'CreateLogGroup', 'CreateLogStream', 'DeleteLogGroup', 'DeleteLogStream', 'DeleteMetricFilter',
      'DeleteRetentionPolicy', 'DescribeLogGroups', 'DescribeLogStreams', 'DescribeMetricFilters', 'DisassociateKmsKey',
      'DescribeQueries', 'FilterLogEvents', 'GetLogEvents', 'GetLogGroupFields', 'GetLogRecord', 'GetQueryResults', 'ListTagsForResource',
      'ListTagsLogGroup', 'PutLogEvents', 'PutMetricFilter', 'PutRetentionPolicy', 'StartLiveTail', 'StartQuery', 'StopQuery', 'TagLogGroup',
      'TagResource', 'TestMetricFilter', 'UntagLogGroup', 'UntagResource', 'PutQueryDefinition', 'DescribeQueryDefinitions', 'DeleteQueryDefinition',
    ],
    query: false,
  },
  {
    id: 'cloudwatch',
    exportPrefix: 'cloudWatch',
    title: 'CloudWatch',
    label: 'CloudWatch',
    modelFile: 'cloudwatch.json',
    operations: ['GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'ListTagsForResource', 'PutMetricData', 'TagResource', 'UntagResource'],
    query: true,
  },
  {
    id: 'bedrock-runtime',
    exportPrefix: 'bedrockRuntime',
    title: 'Amazon Bedrock Runtime',
    label: 'Bedrock Runtime',
    modelFile: 'bedrock-runtime.json',
    operations: ['Converse', 'ConverseStream', 'CountTokens', 'InvokeModel', 'InvokeModelWithResponseStream'],
    query: false,
    rest: { extraOutputHeaders: { InvokeModel: INVOKE_MODEL_HEADERS } },
  },
  {
    id: 'bedrock',
    exportPrefix: 'bedrock',
    title: 'Amazon Bedrock',
    label: 'Bedrock',
    modelFile: 'bedrock.json',
    operations: [
      'DeleteModelInvocationLoggingConfiguration', 'GetFoundationModel', 'GetModelInvocationLoggingConfiguration',
      'ListFoundationModels', 'PutModelInvocationLoggingConfiguration',
    ],
    query: false,
    rest: {},
  },
];

interface MemberRef {
  readonly shape: string;
  readonly locationName?: string;
  readonly location?: string;
  readonly jsonvalue?: boolean;
}
interface ModelShape {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  readonly flattened?: boolean;
  /** A Smithy document: any JSON value. */
  readonly document?: boolean;
  readonly payload?: string;
  readonly eventstream?: boolean;
  readonly exception?: boolean;
  readonly error?: { readonly httpStatusCode?: number; readonly senderFault?: boolean };
}
interface ModelOperation {
  readonly input?: MemberRef;
  readonly output?: MemberRef;
  readonly http?: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
  readonly errors?: readonly MemberRef[];
}
interface Model {
  readonly metadata: { readonly apiVersion: string; readonly xmlNamespace?: string };
  readonly operations: Readonly<Record<string, ModelOperation>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const check = process.argv.includes('--check');
const stale: string[] = [];

function generate(service: ServiceSpec): void {
  const NOTICE = [
    `// Generated by scripts/generate-models.ts from the AWS API model for ${service.title} (botocore service-2.json).`,
    '// The model is Copyright Amazon.com, Inc. or its affiliates and licensed under the Apache License, Version 2.0.',
    '// Do not edit by hand: run `npm run generate:models`.',
  ].join('\n');
  const model = JSON.parse(readFileSync(new URL(`../../shared/aws-models/${service.modelFile}`, import.meta.url), 'utf8')) as Model;
  const shape = (name: string): ModelShape => {
    const found = model.shapes[name];
    if (found === undefined) throw new Error(`shape ${name} is not in the model`);
    return found;
  };
  const closure = (roots: readonly string[]): string[] => {
    const seen = new Set<string>();
    const visit = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      children(shape(name)).forEach(visit);
    };
    roots.forEach(visit);
    return [...seen].sort();
  };

  const operationShapes = service.operations.map((name) => {
    const op = model.operations[name];
    if (op === undefined) throw new Error(`operation ${name} is not in the model`);
    return { name, input: op.input?.shape, output: op.output?.shape };
  });
  const inputRoots = operationShapes.flatMap((op) => (op.input === undefined ? [] : [op.input]));
  const outputRoots = operationShapes.flatMap((op) => (op.output === undefined ? [] : [op.output]));

  /* ---------- constraint table ---------- */

  const P = service.exportPrefix;
  const T = P.charAt(0).toUpperCase() + P.slice(1);
  const tableLines = closure(inputRoots).map((name) => `  ${name}: ${JSON.stringify(tableEntry(shape(name)))},`);
  const opLines = operationShapes.map((op) => `  ${op.name}: ${JSON.stringify({ input: op.input, output: op.output })},`);
  const shapesFile = `${NOTICE}
import type { OperationShapes, ShapeTable } from '../shape-table.js';

export type ${T}OperationName =
${service.operations.map((n) => `  | '${n}'`).join('\n')};

/** Input and output shape names of the ${service.label} operations ModelWatch serves. */
export const ${P}Operations: Readonly<Record<${T}OperationName, OperationShapes>> = {
${opLines.join('\n')}
};

/** Constraints of every shape reachable from those operations' inputs. */
export const ${P}Shapes: ShapeTable = {
${tableLines.join('\n')}
};
`;

  /* ---------- TypeScript types ---------- */

  const tsType = (name: string): string => {
    const s = shape(name);
    switch (s.type) {
      case 'string': return s.enum === undefined ? 'string' : name;
      case 'integer': case 'long': case 'float': case 'double': return 'number';
      case 'boolean': return 'boolean';
      case 'blob': return 'Uint8Array';
      case 'timestamp': return 'number';
      case 'list': {
        const member = tsType(s.member?.shape ?? '');
        return member.startsWith('readonly ') ? `readonly (${member})[]` : `readonly ${member}[]`;
      }
      case 'map': return `Readonly<Record<string, ${tsType(s.value?.shape ?? '')}>>`;
      case 'structure': return s.document === true ? 'unknown' : name;
      default: throw new Error(`unsupported shape type ${s.type} (${name})`);
    }
  };

  const outputOnly = new Set(closure(outputRoots).filter((n) => !closure(inputRoots).includes(n)));
  const typeBlocks = closure([...inputRoots, ...outputRoots]).flatMap((name) => {
    const s = shape(name);
    if (s.type === 'string' && s.enum !== undefined) {
      return [`export type ${name} = ${s.enum.map((v) => `'${v}'`).join(' | ')};`];
    }
    if (s.type !== 'structure' || s.document === true) return [];
    // Output shapes are read by SDKs that treat every member as optional, so only input shapes mark members required.
    const required = new Set(outputOnly.has(name) ? [] : (s.required ?? []));
    const members = Object.entries(s.members ?? {}).map(
      ([member, ref]) => `  readonly ${member}${required.has(member) ? '' : '?'}: ${tsType(ref.shape)};`,
    );
    // An empty structure (e.g. AnyToolChoice `{}`) is an object with no members, not "any non-nullish value".
    if (members.length === 0) return [`export type ${name} = Readonly<Record<string, never>>;`];
    return [`export interface ${name} {\n${members.join('\n')}\n}`];
  });
  const typesFile = `${NOTICE}\n\n${typeBlocks.join('\n\n')}\n`;

  const typeNames = typeBlocks.map((block) => /^export (?:type|interface) (\w+)/.exec(block)?.[1] ?? '');
  const restExport = service.rest === undefined ? '' : `export { ${P}RestBindings } from './${service.id}-rest-bindings.js';\n`;
  const queryExport = service.query ? `export { ${P}QueryShapes } from './${service.id}-query-shapes.js';\n` : '';
  const streamsExport = service.rest === undefined && eventStreamsFile({ NOTICE, P, service, model, shape }) !== undefined
    ? `export { ${P}EventStreams } from './${service.id}-event-streams.js';\n`
    : '';
  const indexFile = `${NOTICE}
export { ${P}Operations, ${P}Shapes } from './${service.id}-shapes.js';
${queryExport}${restExport}${streamsExport}export type { ${T}OperationName } from './${service.id}-shapes.js';
export type {
${typeNames.map((n) => `  ${n},`).join('\n')}
} from './${service.id}-types.js';
`;

  const outputs: Record<string, string> = {
    [`${service.id}-shapes.ts`]: shapesFile,
    [`${service.id}-types.ts`]: typesFile,
    'index.ts': indexFile,
  };
  if (service.rest !== undefined) {
    outputs[`${service.id}-rest-bindings.ts`] = restBindingsFile({ NOTICE, P, service, rest: service.rest, model, shape });
  }
  const eventStreams = service.rest === undefined ? eventStreamsFile({ NOTICE, P, service, model, shape }) : undefined;
  if (eventStreams !== undefined) outputs[`${service.id}-event-streams.ts`] = eventStreams;
  if (service.query) {
    const roots = [...inputRoots, ...outputRoots];
    outputs[`${service.id}-query-shapes.ts`] = queryShapesFile({ NOTICE, P, service, model, operationShapes, shapes: closure(roots), shape });
  }

  const outDir = `${repoRoot}src/models/${service.id}/`;
  if (check) {
    // CI mode: fail when the committed files differ from what the model generates.
    for (const [file, text] of Object.entries(outputs)) {
      let current: string | undefined;
      try {
        current = readFileSync(`${outDir}${file}`, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== text) stale.push(`${service.id}/${file}`);
    }
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of Object.entries(outputs)) writeFileSync(`${outDir}${file}`, text);
  process.stdout.write(`wrote ${tableLines.length} shape constraints and ${typeNames.length} types to ${outDir}\n`);
}

function children(s: ModelShape): string[] {
  if (s.type === 'structure' && s.document === true) return [];
  if (s.type === 'structure') return Object.values(s.members ?? {}).map((m) => m.shape);
  if (s.type === 'list') return s.member === undefined ? [] : [s.member.shape];
  if (s.type === 'map') return [s.key, s.value].flatMap((m) => (m === undefined ? [] : [m.shape]));
  return [];
}

function tableEntry(s: ModelShape): Record<string, unknown> {
  const bounds = { ...(s.min === undefined ? {} : { min: s.min }), ...(s.max === undefined ? {} : { max: s.max }) };
  switch (s.type) {
    case 'string':
      return { type: 'string', ...bounds, ...(s.pattern === undefined ? {} : { pattern: s.pattern }), ...(s.enum === undefined ? {} : { enum: s.enum }) };
    case 'integer': case 'long': case 'float': case 'double':
      return { type: s.type, ...bounds };
    case 'list':
      return { type: 'list', member: s.member?.shape, ...bounds };
    case 'map':
      return { type: 'map', key: s.key?.shape, value: s.value?.shape, ...bounds };
    case 'structure': {
      if (s.document === true) return { type: 'document' };
      const members = Object.fromEntries(Object.entries(s.members ?? {}).map(([k, v]) => [k, v.shape]));
      return { type: 'structure', members, ...(s.required === undefined || s.required.length === 0 ? {} : { required: s.required }) };
    }
    default:
      return { type: s.type };
  }
}

/* ---------- awsQuery shape description ---------- */

const QUERY_SCALARS: Readonly<Record<string, string>> = {
  string: 'string', integer: 'integer', long: 'integer', float: 'number', double: 'number',
  boolean: 'boolean', timestamp: 'timestamp', blob: 'blob',
};

interface QueryFileInput {
  readonly NOTICE: string;
  readonly P: string;
  readonly service: ServiceSpec;
  readonly model: Model;
  readonly operationShapes: readonly { readonly name: string; readonly input?: string; readonly output?: string }[];
  readonly shapes: readonly string[];
  readonly shape: (name: string) => ModelShape;
}

function queryShapesFile(input: QueryFileInput): string {
  const { NOTICE, P, service, model, operationShapes, shapes, shape } = input;
  // Scalars are referred to by their wire type; lists, maps and structures by name.
  const ref = (name: string): string => QUERY_SCALARS[shape(name).type] ?? name;
  const entry = (name: string): Record<string, unknown> | undefined => {
    const s = shape(name);
    if (s.type === 'structure') {
      return { type: 'structure', members: Object.fromEntries(Object.entries(s.members ?? {}).map(([k, v]) => [k, ref(v.shape)])) };
    }
    if (s.type === 'list') {
      const memberName = s.member?.locationName;
      return { type: 'list', member: ref(s.member?.shape ?? ''), ...(memberName === undefined ? {} : { memberName }), ...(s.flattened ? { flattened: true } : {}) };
    }
    if (s.type === 'map') {
      return {
        type: 'map', key: ref(s.key?.shape ?? ''), value: ref(s.value?.shape ?? ''),
        ...(s.key?.locationName === undefined ? {} : { keyName: s.key.locationName }),
        ...(s.value?.locationName === undefined ? {} : { valueName: s.value.locationName }),
        ...(s.flattened ? { flattened: true } : {}),
      };
    }
    return undefined;
  };
  const opLines = operationShapes.map((op) => {
    const io = { ...(op.input === undefined ? {} : { input: op.input }), ...(op.output === undefined ? {} : { output: op.output }) };
    return `    ${op.name}: ${JSON.stringify(io)},`;
  });
  const shapeLines = shapes.flatMap((name) => {
    const e = entry(name);
    return e === undefined ? [] : [`    ${name}: ${JSON.stringify(e)},`];
  });
  return `${NOTICE}

/**
 * ${service.title}'s awsQuery wire description (API version ${model.metadata.apiVersion}), in the form the awsQuery codec takes
 * (\`QueryServiceShapes\` in src/protocols/aws-query). Plain data, structurally typed: models import nothing.
 */
export const ${P}QueryShapes = {
  xmlNamespace: ${JSON.stringify(model.metadata.xmlNamespace ?? '')},
  version: ${JSON.stringify(model.metadata.apiVersion)},
  operations: {
${opLines.join('\n')}
  },
  shapes: {
${shapeLines.join('\n')}
  },
} as const;
`;
}

/* ---------- restJson1 HTTP bindings ---------- */

interface RestFileInput {
  readonly NOTICE: string;
  readonly P: string;
  readonly service: ServiceSpec;
  readonly rest: RestSpec;
  readonly model: Model;
  readonly shape: (name: string) => ModelShape;
}

const REST_SCALARS = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);

interface FoundEventStream {
  readonly member: string;
  readonly unionShape: string;
  readonly union: { readonly events: Record<string, string>; readonly exceptions: Record<string, string> };
}

/** The output member that is an event stream, with its union's events and modeled exceptions, if the output has one. */
function eventStreamOf(output: ModelShape | undefined, shape: (name: string) => ModelShape): FoundEventStream | undefined {
  const streamMember = Object.entries(output?.members ?? {}).find(([, m]) => shape(m.shape).eventstream === true);
  if (streamMember === undefined) return undefined;
  const [member, ref] = streamMember;
  const union = { events: {} as Record<string, string>, exceptions: {} as Record<string, string> };
  for (const [name, m] of Object.entries(shape(ref.shape).members ?? {})) {
    if (shape(m.shape).exception === true) union.exceptions[name] = m.shape;
    else union.events[name] = m.shape;
  }
  return { member, unionShape: ref.shape, union };
}

/** For awsJson services: the operations whose output is an event stream (Logs' StartLiveTail), for the codec. */
function eventStreamsFile(input: { NOTICE: string; P: string; service: ServiceSpec; model: Model; shape: (name: string) => ModelShape }): string | undefined {
  const { NOTICE, P, service, model, shape } = input;
  const lines = service.operations.flatMap((name) => {
    const output = model.operations[name]?.output;
    const found = eventStreamOf(output === undefined ? undefined : shape(output.shape), shape);
    return found === undefined ? [] : [`  ${name}: ${JSON.stringify({ member: found.member, union: found.union })},`];
  });
  if (lines.length === 0) return undefined;
  return `${NOTICE}
import type { EventStreamUnion } from '../rest-bindings.js';

/** ${service.title} operations whose output member is an event stream, with the stream's union. */
export const ${P}EventStreams: Readonly<Record<string, { readonly member: string; readonly union: EventStreamUnion }>> = {
${lines.join('\n')}
};
`;
}

function restBindingsFile(input: RestFileInput): string {
  const { NOTICE, P, service, rest, model, shape } = input;
  const scalarType = (name: string): string => {
    const type = shape(name).type;
    return REST_SCALARS.has(type) ? type : 'other';
  };
  const shapeBinding = (ref: MemberRef | undefined, extra: Readonly<Record<string, { readonly header: string; readonly type: string }>>) => {
    if (ref === undefined) return undefined;
    const s = shape(ref.shape);
    const members: Record<string, Record<string, unknown>> = {};
    for (const [member, m] of Object.entries(s.members ?? {})) {
      const location = s.payload === member ? 'payload' : m.location ?? 'body';
      const jsonValue = m.jsonvalue === true ? { jsonValue: true } : {};
      members[member] = { location, name: m.locationName ?? member, shape: m.shape, type: scalarType(m.shape), ...jsonValue };
    }
    for (const [member, h] of Object.entries(extra)) {
      members[member] = { location: 'header', name: h.header, shape: h.type, type: h.type, unmodeled: true };
    }
    return { shape: ref.shape, members, ...(s.payload === undefined ? {} : { payload: s.payload }) };
  };
  const unions = new Map<string, { events: Record<string, string>; exceptions: Record<string, string> }>();
  const errors = new Set<string>();
  const opLines = service.operations.map((name) => {
    const op = model.operations[name];
    if (op?.http === undefined) throw new Error(`operation ${name} has no http binding`);
    for (const e of op.errors ?? []) errors.add(e.shape);
    const output = op.output === undefined ? undefined : shape(op.output.shape);
    const found = eventStreamOf(output, shape);
    let eventStream: { member: string; union: string } | undefined;
    if (found !== undefined) {
      eventStream = { member: found.member, union: found.unionShape };
      for (const error of Object.values(found.union.exceptions)) errors.add(error);
      unions.set(found.unionShape, found.union);
    }
    const binding = {
      method: op.http.method,
      uri: op.http.requestUri,
      successCode: op.http.responseCode ?? 200,
      ...(op.input === undefined ? {} : { input: shapeBinding(op.input, {}) }),
      ...(op.output === undefined ? {} : { output: shapeBinding(op.output, rest.extraOutputHeaders?.[name] ?? {}) }),
      ...(eventStream === undefined ? {} : { eventStream }),
    };
    return `    ${name}: ${JSON.stringify(binding)},`;
  });
  const unionLines = [...unions].sort(([a], [b]) => a.localeCompare(b)).map(([name, u]) => `    ${name}: ${JSON.stringify(u)},`);
  const errorLines = [...errors].sort().map((name) => {
    const e = shape(name).error ?? {};
    const fault = e.senderFault === true ? 'client' : 'server';
    return `    ${name}: ${JSON.stringify({ httpStatus: e.httpStatusCode ?? (fault === 'client' ? 400 : 500), fault })},`;
  });
  return `${NOTICE}
import type { RestServiceBindings } from '../rest-bindings.js';

/** ${service.title}'s restJson1 HTTP bindings (API version ${model.metadata.apiVersion}) for the rest-json codec. */
export const ${P}RestBindings: RestServiceBindings = {
  operations: {
${opLines.join('\n')}
  },
  eventStreams: {
${unionLines.join('\n')}
  },
  errors: {
${errorLines.join('\n')}
  },
};
`;
}

/* ---------- main ---------- */

for (const service of SERVICES) generate(service);
if (check) {
  if (stale.length > 0) {
    process.stderr.write(`out of date: ${stale.join(', ')}; run npm run generate:models\n`);
    process.exit(1);
  }
  process.stdout.write('generated models are up to date\n');
}
