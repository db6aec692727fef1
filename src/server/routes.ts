import { ServiceError } from '../kernel/index.js';
import { createAwsJsonCodec, createRouter, createRpcV2CborCodec, type Route, type Router } from '../protocols/index.js';
import { createAwsQueryCodec, toQueryAuthError } from '../protocols/aws-query/index.js';
import { cloudWatchQueryShapes } from '../models/cloudwatch/index.js';
import { createCloudWatchService, internalServiceFault } from '../services/cloudwatch/index.js';
import { createLogsService, type MetricFilterPublisher } from '../services/logs/index.js';
import { createStsService, stsQueryShapes } from '../services/sts/index.js';
import type { Storage } from '../storage/index.js';
import type { ServiceRoute } from './dispatch.js';

/** Every service ModelWatch serves, each on its wire protocol(s). Adding a protocol is a route, never a branch. */
export function buildRouter(deps: { readonly storage: Storage; readonly metricFilters: MetricFilterPublisher }): Router<ServiceRoute> {
  const jsonUnknown = (operation: string): ServiceError =>
    new ServiceError('UnknownOperationException', `Unknown operation ${operation}.`);
  // CloudWatch speaks three wires (spec 0.1, 9.1); one service instance serves them all.
  const cloudWatch = createCloudWatchService({ store: deps.storage.metrics });
  // JSON and CBOR share the JSON protocols' error codes, so they share one target.
  const cloudWatchJson: ServiceRoute = { service: cloudWatch, unknownOperation: jsonUnknown, mapAuthError: (error) => error, internalError: internalServiceFault };
  const routes: Route<ServiceRoute>[] = [
    {
      rule: { kind: 'json-target', targetPrefix: 'Logs_20140328' },
      codec: createAwsJsonCodec({ version: '1.1', targetPrefix: 'Logs_20140328' }),
      target: {
        service: createLogsService({ store: deps.storage.logs, queryEngine: deps.storage.logQueries, queryDefinitions: deps.storage.queryDefinitions, afterAppend: deps.metricFilters.afterAppend }),
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
  ];
  return createRouter(routes);
}
