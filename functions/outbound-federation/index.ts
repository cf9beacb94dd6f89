// Source-mapped stack traces (read lazily) before anything else loads.
import '../shared/install-source-mapped-stacks';
import { IAMClient } from '@aws-sdk/client-iam';
import { makeHandler } from './handler';
import { putResponse } from './respond';

// IAM is a global service; the client resolves its endpoint from the function's Region.
const iam = new IAMClient({
  maxAttempts: 5,
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
});

export const handler = makeHandler({
  iam,
  respond: putResponse,
  log: (entry) => console.log(JSON.stringify(entry)),
});
