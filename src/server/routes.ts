import { ServiceError, type Operation } from '../kernel/index.js';
import { createAwsJsonCodec, createRestJsonCodec, createRouter, createRpcV2CborCodec, type Route, type Router } from '../protocols/index.js';
import { bedrockRestBindings, bedrockShapes } from '../models/bedrock/index.js';
import { bedrockRuntimeRestBindings, bedrockRuntimeShapes } from '../models/bedrock-runtime/index.js';
import { createBedrockControlService, createBedrockRuntimeService, type InvocationSink, type ModelCatalog } from '../services/bedrock/index.js';
import { createAwsQueryCodec, toQueryAuthError } from '../protocols/aws-query/index.js';
import { createRestXmlCodec, s3NotImplemented, toS3AuthError } from '../protocols/rest-xml/index.js';
import { cloudWatchQueryShapes } from '../models/cloudwatch/index.js';
import { logsEventStreams } from '../models/logs/index.js';
import { createCloudWatchService, internalServiceFault } from '../services/cloudwatch/index.js';
import { createLogsService, logsBodyReaders, type LiveTail, type MetricFilterPublisher } from '../services/logs/index.js';
import { createS3Service, s3InternalError } from '../services/s3/index.js';
import { createStsService, stsQueryShapes } from '../services/sts/index.js';
import type { ObjectStore, Storage } from '../storage/index.js';
import type { ServiceRoute } from './dispatch.js';

/** Every service ModelWatch serves, each on its wire protocol(s). Adding a protocol is a route, never a branch. */
export interface RouterDeps {
  readonly storage: Storage;
  readonly objects: ObjectStore;
  readonly metricFilters: MetricFilterPublisher;
  readonly catalog: ModelCatalog;
  readonly invocationSink: InvocationSink;
  /** Operations the control plane serves besides the model catalog: the invocation-logging configuration. */
  readonly bedrockControlOperations: ReadonlyMap<string, Operation>;
  readonly liveTail?: LiveTail;
}

/** Host names under which `<bucket>.<host>:<port>` is an S3 virtual-host request. */
const S3_VIRTUAL_HOSTS = ['localhost', 's3.localhost'];

export function buildRouter(deps: RouterDeps): Router<ServiceRoute> {
  const jsonUnknown = (operation: string): ServiceError =>
    new ServiceError('UnknownOperationException', `Unknown operation ${operation}.`);
  // CloudWatch speaks three wires (spec 0.1, 9.1); one service instance serves them all.
  const cloudWatch = createCloudWatchService({ store: deps.storage.metrics });
  // JSON and CBOR share the JSON protocols' error codes, so they share one target.
  const cloudWatchJson: ServiceRoute = { service: cloudWatch, unknownOperation: jsonUnknown, mapAuthError: (error) => error, internalError: internalServiceFault };
  // Bedrock's runtime and control plane share the signing name `bedrock`; their paths tell them apart (spec 0.2).
  const bedrockTarget = (service: ServiceRoute['service']): ServiceRoute => ({
    service,
    unknownOperation: (operation) => new ServiceError('UnknownOperationException', `Unknown operation ${operation}.`, { httpStatus: 404 }),
    mapAuthError: (error) => error,
    internalError: () => new ServiceError('InternalServerException', 'The server encountered an internal error.', { fault: 'server', httpStatus: 500 }),
  });
  const bedrockControlCodec = createRestJsonCodec({ bindings: bedrockRestBindings, shapes: bedrockShapes });
  const bedrockControl = bedrockTarget(createBedrockControlService({
    catalog: deps.catalog,
    operations: Object.fromEntries(deps.bedrockControlOperations),
  }));
  const routes: Route<ServiceRoute>[] = [
    {
      rule: { kind: 'path-prefix', pathPrefix: '/model/', signingName: 'bedrock' },
      codec: createRestJsonCodec({ bindings: bedrockRuntimeRestBindings, shapes: bedrockRuntimeShapes, padEvents: true }),
      target: bedrockTarget(createBedrockRuntimeService({ catalog: deps.catalog, sink: deps.invocationSink })),
    },
    {
      rule: { kind: 'path-prefix', pathPrefix: '/foundation-models', signingName: 'bedrock' },
      codec: bedrockControlCodec,
      target: bedrockControl,
    },
    {
      rule: { kind: 'path-prefix', pathPrefix: '/logging/', signingName: 'bedrock' },
      codec: bedrockControlCodec,
      target: bedrockControl,
    },
    {
      rule: { kind: 'json-target', targetPrefix: 'Logs_20140328' },
      codec: createAwsJsonCodec({ version: '1.1', targetPrefix: 'Logs_20140328', eventStreams: logsEventStreams, bodyReaders: logsBodyReaders }),
      target: {
        service: createLogsService({
          store: deps.storage.logs,
          queryEngine: deps.storage.logQueries,
          queryDefinitions: deps.storage.queryDefinitions,
          afterAppend: deps.metricFilters.afterAppend,
          ...(deps.liveTail === undefined ? {} : { liveTail: deps.liveTail }),
        }),
        unknownOperation: jsonUnknown,
        mapAuthError: (error) => error,
        internalError: () => new ServiceError('ServiceUnavailableException', 'The service cannot complete the request.', { fault: 'server', httpStatus: 500 }),
      },
    },
    {
      rule: { kind: 'json-target', targetPrefix: 'GraniteServiceVersion20100801' },
      codec: createAwsJsonCodec({ version: '1.0', targetPrefix: 'GraniteServiceVersion20100801', queryCompatible: true }),
      target: cloudWatchJson,
    },
    {
      rule: { kind: 'path-prefix', pathPrefix: '/service/GraniteServiceVersion20100801/operation/', signingName: 'monitoring' },
      codec: createRpcV2CborCodec({ serviceName: 'GraniteServiceVersion20100801', shapes: cloudWatchQueryShapes, queryCompatible: true }),
      target: cloudWatchJson,
    },
    {
      rule: { kind: 'query-version', version: '2010-08-01', signingName: 'monitoring' },
      codec: createAwsQueryCodec(cloudWatchQueryShapes),
      target: {
        service: cloudWatch,
        unknownOperation: (operation) => new ServiceError('InvalidAction', `Could not find operation ${operation} for version 2010-08-01`, { queryCode: 'InvalidAction' }),
        mapAuthError: toQueryAuthError,
        internalError: internalServiceFault,
      },
    },
    {
      rule: { kind: 'query-version', version: '2011-06-15', signingName: 'sts' },
      codec: createAwsQueryCodec(stsQueryShapes),
      target: {
        service: createStsService(),
        unknownOperation: (operation) => new ServiceError('InvalidAction', `Could not find operation ${operation} for version 2011-06-15`),
        mapAuthError: toQueryAuthError,
        internalError: () => new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error.', { fault: 'server', httpStatus: 500 }),
      },
    },
    {
      // S3 owns every path, so it is claimed by its signing name alone, after every more specific rule.
      rule: { kind: 'signing-name', signingName: 's3' },
      codec: createRestXmlCodec({ virtualHostSuffixes: S3_VIRTUAL_HOSTS }),
      target: {
        service: createS3Service({ store: deps.objects }),
        unknownOperation: () => s3NotImplemented(),
        mapAuthError: toS3AuthError,
        internalError: s3InternalError,
      },
    },
  ];
  return createRouter(routes);
}
