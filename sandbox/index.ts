/** What the run pipeline, tests and benchmarks use of the sandbox cloud. */
export { type Estate, EstateError, type EstateInput, loadEstate, parseEstate } from './estate';
export type { FaultRule } from './faults';
export { type LocalS3Sandbox, startS3 } from './s3';
export { SAMPLE_ESTATE_FILE } from './sample-estate';
export { type Sandbox, type SandboxOptions, startSandbox } from './server';
export { type SyntheticEstateOptions, syntheticEstate } from './synthetic-estate';
