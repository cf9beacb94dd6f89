/**
 * How each cloud's collector is built. Production code reaches the sandbox cloud (or any other
 * endpoint) through these options only; there are no sandbox branches in providers.
 *
 * - AWS:   `createAwsCollector(opts: AwsCollectorOptions)` in `providers/aws/collector.ts`
 * - GCP:   `createGcpCollector(opts: GcpCollectorOptions)` in `providers/gcp/collector.ts`
 * - Azure: `createAzureCollector(opts: AzureCollectorOptions)` in `providers/azure/collector.ts`
 * Each returns a `Collector` (core/collector.ts).
 */
export interface EndpointOverride {
  /** Base URL, e.g. `http://127.0.0.1:4566` (AWS), `http://127.0.0.1:4566` (GCP, Azure). */
  url: string;
}
