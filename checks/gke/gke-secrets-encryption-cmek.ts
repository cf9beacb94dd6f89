import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const BAD_CURRENT = new Set([
  'CURRENT_STATE_ENCRYPTION_ERROR',
  'CURRENT_STATE_DECRYPTED',
  'CURRENT_STATE_DECRYPTION_PENDING',
]);

export const gkeSecretsEncryptionCmek: GkeCheck = {
  meta: {
    id: 'gke-secrets-encryption-cmek',
    provider: 'gke',
    title: 'GKE cluster encrypts Kubernetes Secrets with a Cloud KMS key (application-layer)',
    severity: 'medium',
    family: 'secrets-encryption',
    categories: ['data-protection'],
    risk: 'Without application-layer encryption, Secrets in etcd are protected only by Google-managed storage encryption: the customer can neither revoke access by disabling a key nor audit its use.',
    remediation: {
      summary:
        "Enable application-layer Secrets encryption with a Cloud KMS key in the cluster's location, with rotation.",
      cli: 'gcloud container clusters update <cluster> --location <location> --database-encryption-key projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>',
      iac: 'Terraform google_container_cluster: database_encryption { state = "ENCRYPTED" key_name = "<key>" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.3.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const db = cluster.databaseEncryption;
    const evidence = [
      ev('cluster.databaseEncryption.state', db?.state),
      ev('cluster.databaseEncryption.keyName', db?.keyName),
      ev('cluster.databaseEncryption.currentState', db?.currentState),
    ];
    // Proto3 JSON omits UNKNOWN: an absent state (or message) means not encrypted.
    const encrypted =
      (db?.state === 'ENCRYPTED' || db?.state === 'ALL_OBJECTS_ENCRYPTION_ENABLED') &&
      Boolean(db.keyName);
    if (!encrypted) {
      return fail(
        `Cluster ${ref.name} does not encrypt Secrets with a Cloud KMS key (databaseEncryption.state=${db?.state ?? 'unset'}).`,
        evidence,
      );
    }
    if (db?.currentState && BAD_CURRENT.has(db.currentState)) {
      return fail(
        `Cluster ${ref.name} is configured for Secrets encryption with ${db.keyName} but its current state is ${db.currentState}.`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name} encrypts Secrets with Cloud KMS key ${db?.keyName}.`,
      evidence,
    );
  },
};
