import type { ClusterSnapshot } from '../core/snapshot';

/** Bad content in an export file: the message names what is wrong (the caller adds the file). */
export class ExportFormatError extends Error {
  override readonly name = 'ExportFormatError';
}

/** Turns one kind of exported JSON (CLI output, REST response, our snapshot file) into snapshots. */
export interface ExportReader {
  /** Names the format in snapshot provenance, e.g. `aws-eks-describe-cluster`. */
  format: string;
  /** True when `json` has this reader's shape (cheap, structural). */
  detect(json: unknown): boolean;
  /** The snapshots in `json`; throws ExportFormatError when the shape is right but a value is not. */
  read(json: unknown, file: string): ClusterSnapshot[];
}
