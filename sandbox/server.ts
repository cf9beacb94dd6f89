import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from './api-error';
import { callerArn } from './aws/caller';
import { FindingStore } from './aws/securityhub-store';
import { Counters } from './counters';
import { errorReply, faultError } from './errors';
import { type Estate, type EstateInput, parseEstate } from './estate';
import { type FaultRule, Faults } from './faults';
import { FederationState } from './federation';
import { jsonReply, parseAwsCaller, type Reply, type SandboxRequest } from './http';
import type { Route } from './route';
import { ROUTES } from './routes';
import type { SandboxState } from './state';

export interface SandboxOptions {
  /** The estate to serve (validated here; see sandbox/README.md). */
  estate: EstateInput | Estate;
  /** Faults added after the estate's own `faults`. */
  faults?: FaultRule[];
  /** Loopback by default. */
  host?: string;
  /** 0 (a free port) by default. */
  port?: number;
  /** Overrides the estate's `seed` for probability-based faults. */
  seed?: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`: the endpoint of every cloud. */
  url: string;
  port: number;
  counters: Counters;
  faults: Faults;
  /** Findings imported through BatchImportFindings. */
  securityHub: FindingStore;
  /** Live state (the estate routes read, sessions, unmatched requests). */
  state: SandboxState;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function requestId(seq: number): string {
  return `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
}

async function serve(
  state: SandboxState,
  routes: readonly Route[],
  sreq: SandboxRequest,
): Promise<Reply> {
  let route: Route | undefined;
  let params: Record<string, string> | undefined;
  for (const r of routes) {
    params = r.match(sreq);
    if (params) {
      route = r;
      break;
    }
  }
  if (!route || !params) {
    const what = `${sreq.method} ${sreq.url.pathname}${sreq.url.search}`;
    state.unmatched.push(sreq.aws ? `${what} (aws ${sreq.aws.service})` : what);
    return jsonReply(404, { message: `no sandbox route for ${what}` });
  }
  state.sequence += 1;
  const id = requestId(state.sequence);
  const target = route.target(sreq, params, state);
  state.counters.record(route.operation, target);
  const cluster = route.clusterParam ? params[route.clusterParam] : undefined;
  const decision = state.faults.decide({ operation: route.operation, target, cluster });
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const service = route.operation.split(':')[0] ?? '';
  const fault = decision.fault;
  if (fault?.kind === 'disappear' && route.notFound) {
    const e = route.notFound(params);
    return errorReply(route.protocol, new ApiError(e.status, e.code, e.message), id, service);
  }
  if (fault) {
    const principal = sreq.aws ? callerArn(state, sreq.aws) : '';
    const err = faultError(route.protocol, fault, {
      operation: route.operation,
      target,
      principal,
    });
    if (err) return errorReply(route.protocol, err, id, service);
  }
  let reply: Reply;
  try {
    reply = await route.handle({ req: sreq, params, target, state, requestId: id });
  } catch (err) {
    const apiError =
      err instanceof ApiError
        ? err
        : new ApiError(
            500,
            route.protocol === 'gcp' ? 'INTERNAL' : 'InternalFailure',
            `sandbox route ${route.operation} failed: ${(err as Error).message}`,
          );
    reply = errorReply(route.protocol, apiError, id, service);
  }
  if (fault?.kind === 'malformed' && reply.status < 300) {
    // A cut-off response: what a dropped connection or a broken proxy delivers.
    reply = { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
  }
  return reply;
}

/**
 * `GET /_sandbox/securityhub`: what the sandbox's Security Hub holds (findings, import counts and
 * every ingestion event), for tools outside the process (a sandbox started by
 * `mk8s-audit sandbox`); in-process code reads `sandbox.securityHub` instead.
 */
function debugReply(state: SandboxState, req: SandboxRequest): Reply | undefined {
  if (req.method !== 'GET' || req.aws || !req.url.pathname.startsWith('/_sandbox/'))
    return undefined;
  if (req.url.pathname === '/_sandbox/securityhub') {
    return jsonReply(200, state.securityHub.dump());
  }
  return jsonReply(404, { message: `no sandbox debug route ${req.url.pathname}` });
}

/** Starts the sandbox cloud on loopback: one server for the AWS, Google Cloud and Azure routes. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const estate = parseEstate(options.estate, 'startSandbox estate');
  const faults = new Faults(options.seed ?? estate.seed);
  for (const rule of [...estate.faults, ...(options.faults ?? [])]) faults.add(rule);
  const state: SandboxState = {
    estate,
    counters: new Counters(),
    faults,
    securityHub: new FindingStore(),
    sessions: new Map(),
    federation: new FederationState(),
    unmatched: [],
    sequence: 0,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let reply: Reply;
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
        const sreq: SandboxRequest = {
          method: req.method ?? 'GET',
          url,
          headers: req.headers,
          body,
          aws: parseAwsCaller(req.headers),
        };
        reply = debugReply(state, sreq) ?? (await serve(state, ROUTES, sreq));
      } catch (err) {
        reply = jsonReply(500, { message: `sandbox failure: ${(err as Error).message}` });
      }
      res.writeHead(reply.status, {
        ...reply.headers,
        'content-length': Buffer.byteLength(reply.body),
      });
      res.end(reply.body);
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    counters: state.counters,
    faults,
    securityHub: state.securityHub,
    state,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
