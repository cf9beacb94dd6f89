import type { FindingStore } from './aws/securityhub-store';
import type { Counters } from './counters';
import type { Estate } from './estate';
import type { Faults } from './faults';
import type { FederationState } from './federation';

/** Credentials handed out by the sandbox's STS AssumeRole, by session token. */
export interface AssumedSession {
  account: string;
  roleName: string;
  sessionName: string;
}

/** Everything a running sandbox holds; routes read and change it. */
export interface SandboxState {
  /** The estate served (routes read it live, so a test may change it while running). */
  estate: Estate;
  counters: Counters;
  faults: Faults;
  securityHub: FindingStore;
  sessions: Map<string, AssumedSession>;
  /** Tokens issued by the sandbox's token services and who used them. */
  federation: FederationState;
  /** `METHOD path` of requests no route matched (answered 404), for debugging new routes. */
  unmatched: string[];
  /** Increasing id for request ids and session tokens. */
  sequence: number;
}
