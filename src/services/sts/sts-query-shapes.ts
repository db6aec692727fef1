/**
 * STS's awsQuery wire description (API version 2011-06-15), in the form `createAwsQueryCodec` takes
 * (`QueryServiceShapes` in src/protocols/aws-query). It is plain data and structurally typed, because services may
 * not import protocols; the server hands it to the codec. Only the operations STS implements here are listed, so
 * every other Action is answered with InvalidAction.
 */
export const stsQueryShapes = {
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  version: '2011-06-15',
  operations: {
    GetCallerIdentity: {
      input: { type: 'structure', members: {} },
      // The element order of AWS's documented response.
      output: { type: 'structure', members: { Arn: 'string', UserId: 'string', Account: 'string' } },
    },
  },
} as const;
