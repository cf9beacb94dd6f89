import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type CustomResourceResponse,
  makeHandler,
  PHYSICAL_RESOURCE_ID,
} from '../../../functions/outbound-federation/handler';
import { putResponse } from '../../../functions/outbound-federation/respond';

const ISSUER = 'https://0a1b2c3d-4e5f.tokens.sts.global.api.aws';
const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/**
 * A local stand-in for IAM's two outbound-federation actions (query protocol, as the model and
 * the API reference give them) and for CloudFormation's pre-signed response URL.
 */
class FakeAccount {
  enabled = false;
  /** Answer EnableOutboundWebIdentityFederation with this error instead, when set. */
  denyEnable = false;
  calls: string[] = [];
  responses: { headers: IncomingMessage['headers']; body: CustomResourceResponse }[] = [];
  server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c.toString();
      });
      req.on('end', () => {
        if (req.method === 'PUT') {
          this.responses.push({ headers: req.headers, body: JSON.parse(text) });
          res.writeHead(200).end();
          return;
        }
        const action = new URLSearchParams(text).get('Action') ?? '';
        this.calls.push(action);
        const reply = (status: number, xml: string) =>
          res.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
        const error = (status: number, code: string, message: string) =>
          reply(
            status,
            `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
          );
        const ok = (result: string) =>
          reply(
            200,
            `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`,
          );
        if (action === 'EnableOutboundWebIdentityFederation') {
          if (this.denyEnable) {
            error(
              403,
              'AccessDenied',
              'User is not authorized to perform: iam:EnableOutboundWebIdentityFederation',
            );
          } else if (this.enabled) {
            error(409, 'FeatureEnabled', 'Outbound web identity federation is already enabled.');
          } else {
            this.enabled = true;
            ok(`<IssuerIdentifier>${ISSUER}</IssuerIdentifier>`);
          }
        } else if (action === 'GetOutboundWebIdentityFederationInfo') {
          if (this.enabled) {
            ok(
              `<IssuerIdentifier>${ISSUER}</IssuerIdentifier><JwtVendingEnabled>true</JwtVendingEnabled>`,
            );
          } else error(404, 'FeatureDisabled', 'Outbound web identity federation is disabled.');
        } else error(400, 'InvalidAction', `Unexpected action ${action}`);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

const account = new FakeAccount();
let logs: Record<string, unknown>[] = [];

function handler() {
  const iam = new IAMClient({
    region: 'us-east-1',
    endpoint: account.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  return makeHandler({ iam, respond: putResponse, log: (e) => logs.push(e) });
}

function event(requestType: 'Create' | 'Update' | 'Delete', physicalId?: string) {
  return {
    RequestType: requestType,
    ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:x',
    ResponseURL: `${account.url}/cloudformation-response?X-Amz-Signature=SIGNATURE-NOT-FOR-LOGS`,
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/Mk8sAuditStack/guid',
    RequestId: `req-${requestType}`,
    LogicalResourceId: 'CrossCloudOutboundFederation',
    ResourceType: 'Custom::OutboundWebIdentityFederation',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111122223333:function:x' },
    ...(physicalId === undefined ? {} : { PhysicalResourceId: physicalId }),
  };
}

describe('outbound web identity federation custom resource (real IAM client over HTTP)', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => account.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => account.server.close(() => resolve()));
  });
  beforeEach(() => {
    account.enabled = false;
    account.denyEnable = false;
    account.calls = [];
    account.responses = [];
    logs = [];
  });

  it('Create enables the setting and answers SUCCESS with the issuer, with no content type', async () => {
    await handler()(event('Create'));
    expect(account.calls).toEqual([
      'EnableOutboundWebIdentityFederation',
      'GetOutboundWebIdentityFederationInfo',
    ]);
    expect(account.enabled).toBe(true);
    expect(account.responses).toHaveLength(1);
    expect(account.responses[0]?.body).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/Mk8sAuditStack/guid',
      RequestId: 'req-Create',
      LogicalResourceId: 'CrossCloudOutboundFederation',
      Data: { IssuerIdentifier: ISSUER },
    });
    expect(account.responses[0]?.headers['content-type']).toBe('');
  });

  it('an account where it is already enabled (409 FeatureEnabled) is a success too', async () => {
    account.enabled = true;
    await handler()(event('Create'));
    await handler()(event('Update', PHYSICAL_RESOURCE_ID));
    expect(account.responses.map((r) => [r.body.Status, r.body.Data?.IssuerIdentifier])).toEqual([
      ['SUCCESS', ISSUER],
      ['SUCCESS', ISSUER],
    ]);
    expect(account.calls.filter((c) => c.startsWith('Enable'))).toHaveLength(2);
  });

  it('Delete leaves the account setting on and calls nothing', async () => {
    account.enabled = true;
    await handler()(event('Delete', PHYSICAL_RESOURCE_ID));
    expect(account.calls).toEqual([]);
    expect(account.enabled).toBe(true);
    expect(account.responses[0]?.body).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
    });
  });

  it('a denied call answers FAILED with the reason, so the deployment does not hang', async () => {
    account.denyEnable = true;
    await handler()(event('Create'));
    expect(account.calls).toEqual(['EnableOutboundWebIdentityFederation']);
    expect(account.responses[0]?.body).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      Reason: expect.stringMatching(/AccessDenied.*iam:EnableOutboundWebIdentityFederation/),
    });
    expect(account.responses[0]?.body.Data).toBeUndefined();
  });

  it('never logs the pre-signed response URL', async () => {
    await handler()(event('Create'));
    await handler()(event('Delete', PHYSICAL_RESOURCE_ID));
    expect(logs).toHaveLength(2);
    expect(JSON.stringify(logs)).not.toMatch(/SIGNATURE-NOT-FOR-LOGS|cloudformation-response/);
    expect(logs[0]).toMatchObject({ requestType: 'Create', status: 'SUCCESS', issuer: ISSUER });
  });

  it('refuses an event that is not a custom resource request, naming what is wrong', async () => {
    await expect(handler()({ RequestType: 'Create' })).rejects.toThrow(/ResponseURL/);
    expect(account.calls).toEqual([]);
  });
});
