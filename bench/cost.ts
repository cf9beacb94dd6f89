/**
 * Published list prices (us-east-1, USD) used by the cost estimate, as read on the date below.
 * Sources: aws.amazon.com/lambda/pricing (Arm), /step-functions/pricing (Standard workflows),
 * /s3/pricing (S3 Standard requests), /security-hub/pricing (Security Hub CSPM finding
 * ingestion events beyond the free 10,000 per account, Region and month).
 */
export const PRICES = {
  asOf: '2025-11-01',
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1_000_000,
  stepFunctionsTransition: 0.025 / 1000,
  s3PutCopyPostList: 0.005 / 1000,
  s3GetSelect: 0.0004 / 1000,
  securityHubIngestionEvent: 0.00003,
} as const;

/** What a run used, in the units the prices are per. */
export interface RunUsage {
  clusters: number;
  lambdaGbSeconds: number;
  lambdaInvocations: number;
  stateTransitions: number;
  s3Writes: number;
  s3Reads: number;
  /** Findings imported into Security Hub (new, changed, fixed, refreshed). */
  securityHubEvents: number;
}

export interface CostEstimate {
  pricesAsOf: string;
  per1000ClustersPerDay: {
    lambdaGbSeconds: number;
    stateTransitions: number;
    s3Requests: number;
    securityHubIngestionEvents: number;
    usd: {
      lambda: number;
      stepFunctions: number;
      s3: number;
      securityHub: number;
      total: number;
    };
  };
  /** How the usage was derived from the benchmark's counts. */
  assumptions: string[];
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

/** One daily run's usage scaled to 1,000 clusters, priced (free tiers left out). */
export function estimateCost(usage: RunUsage, assumptions: string[]): CostEstimate {
  const k = 1000 / Math.max(1, usage.clusters);
  const gbS = usage.lambdaGbSeconds * k;
  const transitions = usage.stateTransitions * k;
  const writes = usage.s3Writes * k;
  const reads = usage.s3Reads * k;
  const events = usage.securityHubEvents * k;
  const lambda =
    gbS * PRICES.lambdaArmGbSecond + usage.lambdaInvocations * k * PRICES.lambdaRequest;
  const stepFunctions = transitions * PRICES.stepFunctionsTransition;
  const s3 = writes * PRICES.s3PutCopyPostList + reads * PRICES.s3GetSelect;
  const securityHub = events * PRICES.securityHubIngestionEvent;
  return {
    pricesAsOf: PRICES.asOf,
    per1000ClustersPerDay: {
      lambdaGbSeconds: round(gbS, 1),
      stateTransitions: Math.round(transitions),
      s3Requests: Math.round(writes + reads),
      securityHubIngestionEvents: Math.round(events),
      usd: {
        lambda: round(lambda),
        stepFunctions: round(stepFunctions),
        s3: round(s3),
        securityHub: round(securityHub),
        total: round(lambda + stepFunctions + s3 + securityHub),
      },
    },
    assumptions,
  };
}
