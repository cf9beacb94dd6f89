import type { CallLimiter } from '../../core/call-limiter';

/** The part of an SDK v3 client this needs (every `@aws-sdk/client-*` client has it). */
interface WithMiddleware {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'deserialize'; name: string; override?: boolean },
    ): void;
  };
}

/**
 * Makes every HTTP attempt of `client` take a slot of `limiter`. The deserialize step wraps the
 * request on the wire and the parsing of its answer, inside the retry loop: a retried call
 * waits for its back-off without holding a slot.
 */
export function limitCalls<C>(client: C, limiter: CallLimiter | undefined): C {
  if (limiter === undefined) return client;
  (client as unknown as WithMiddleware).middlewareStack.add(
    (next) => (args) => limiter.run(() => next(args)),
    { step: 'deserialize', name: 'mk8sAuditCallLimit', override: true },
  );
  return client;
}
