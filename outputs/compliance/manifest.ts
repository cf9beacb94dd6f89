import { createHash } from 'node:crypto';

/** One file of the evidence folder, with its hash. */
export interface ManifestFile {
  /** Relative to the folder, `/`-separated. */
  path: string;
  sha256: string;
  bytes: number;
  /** For a copied history object: its key in the findings store. */
  sourceKey?: string;
}

export interface EvidenceManifest {
  format: 'mk8s-audit-evidence';
  version: 1;
  framework: string;
  from: string;
  to: string;
  generatedAt: string;
  /** Where the history was read. */
  source: string;
  files: ManifestFile[];
}

export function sha256(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** `SHA256SUMS`: the `sha256sum -c` format, two spaces between hash and path. */
export function sha256Sums(files: readonly ManifestFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}
