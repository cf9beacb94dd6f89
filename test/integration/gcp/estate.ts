import type { EstateInput } from '../../../sandbox/estate';
import { autopilotCluster, standardCluster } from '../../builders/gke';

type Json = Record<string, unknown> & { name: string; location: string };

export const PROJECT = 'acme-prod';
export const NUMBER = '123456789012';
const NET = `https://www.googleapis.com/compute/v1/projects/${PROJECT}/global/networks`;

/**
 * Project `acme-prod` with the Standard and Autopilot fixture clusters and the related objects
 * the collector reads (IAM policy, firewalls, subnetworks, disks, services, server config,
 * upgrade info); project `denied-project` is not in the estate (403 on every call).
 */
export function gcpEstate(): EstateInput {
  const standard = standardCluster() as Json;
  const autopilot = autopilotCluster() as Json;
  return {
    gcp: {
      projects: {
        [PROJECT]: {
          projectNumber: NUMBER,
          missingZones: ['asia-east1-a'],
          clusters: [
            {
              cluster: standard,
              related: {
                upgradeInfo: {
                  endOfStandardSupportTimestamp: '2027-06-30T00:00:00Z',
                  endOfExtendedSupportTimestamp: '2028-04-30T00:00:00Z',
                },
              },
            },
            { cluster: autopilot },
          ],
          related: {
            iamPolicy: {
              version: 1,
              bindings: [
                {
                  role: 'roles/editor',
                  members: [`serviceAccount:${NUMBER}-compute@developer.gserviceaccount.com`],
                },
                {
                  role: 'roles/container.defaultNodeServiceAccount',
                  members: ['serviceAccount:gke-nodes@acme-prod.iam.gserviceaccount.com'],
                },
              ],
              auditConfigs: [
                {
                  service: 'allServices',
                  auditLogConfigs: [{ logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }],
                },
              ],
            },
            firewalls: [
              {
                name: 'gke-prod-standard-1a2b3c4d-all',
                network: `${NET}/prod-vpc`,
                direction: 'INGRESS',
                priority: 1000,
                sourceRanges: ['10.80.0.0/14'],
                allowed: [{ IPProtocol: 'tcp' }],
                targetTags: ['gke-prod-standard-1a2b3c4d-node'],
              },
              {
                name: 'default-allow-ssh',
                network: `${NET}/default`,
                direction: 'INGRESS',
                priority: 65534,
                sourceRanges: ['0.0.0.0/0'],
                allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
              },
              {
                name: 'default-allow-internal',
                network: `${NET}/default`,
                direction: 'INGRESS',
                priority: 65534,
                sourceRanges: ['10.128.0.0/9'],
                allowed: [{ IPProtocol: 'all' }],
              },
            ],
            subnetworks: [
              {
                name: 'prod-nodes',
                region: 'europe-west1',
                network: `${NET}/prod-vpc`,
                ipCidrRange: '10.0.0.0/20',
                privateIpGoogleAccess: true,
                logConfig: {
                  enable: true,
                  aggregationInterval: 'INTERVAL_5_SEC',
                  flowSampling: 0.5,
                },
              },
              {
                name: 'default',
                region: 'us-central1',
                network: `${NET}/default`,
                ipCidrRange: '10.128.0.0/20',
              },
            ],
            disks: [
              {
                name: 'pvc-0a1b2c3d',
                zone: 'europe-west1-b',
                sizeGb: '10',
                labels: {
                  'goog-k8s-cluster-name': 'prod-standard',
                  'goog-k8s-cluster-location': 'europe-west1',
                },
                description:
                  '{"kubernetes.io/created-for/pv/name":"pvc-0a1b2c3d","kubernetes.io/created-for/pvc/name":"data","kubernetes.io/created-for/pvc/namespace":"default","storage.gke.io/created-by":"pd.csi.storage.gke.io"}',
                diskEncryptionKey: {
                  kmsKeyName:
                    'projects/acme-kms/locations/europe-west1/keyRings/gke/cryptoKeys/pd/cryptoKeyVersions/1',
                },
              },
              {
                name: 'pvc-9f8e7d6c',
                zone: 'us-central1-a',
                sizeGb: '10',
                labels: { 'goog-k8s-cluster-name': 'prod-autopilot' },
                description:
                  '{"kubernetes.io/created-for/pv/name":"pvc-9f8e7d6c","kubernetes.io/created-for/pvc/name":"cache","kubernetes.io/created-for/pvc/namespace":"web","storage.gke.io/created-by":"pd.csi.storage.gke.io"}',
              },
              {
                name: 'pvc-5e6f7a8b',
                zone: 'us-central1-a',
                sizeGb: '10',
                description:
                  '{"kubernetes.io/created-for/pv/name":"pvc-5e6f7a8b","kubernetes.io/created-for/pvc/name":"logs","kubernetes.io/created-for/pvc/namespace":"web"}',
                users: [
                  `https://www.googleapis.com/compute/v1/projects/${PROJECT}/zones/us-central1-a/instances/gke-prod-autopilot-pool-2-1a2b3c4d-x9z8`,
                ],
              },
              {
                name: 'unrelated-vm-disk',
                zone: 'us-central1-a',
                sizeGb: '10',
                labels: { 'goog-k8s-cluster-name': 'prod-autopilot' },
              },
            ],
            enabledServices: ['container.googleapis.com', 'containerscanning.googleapis.com'],
            serverConfig: {
              defaultClusterVersion: '1.33.5-gke.1201000',
              validMasterVersions: ['1.34.1-gke.1000', '1.33.5-gke.1201000'],
              channels: [
                {
                  channel: 'REGULAR',
                  defaultVersion: '1.33.5-gke.1201000',
                  validVersions: ['1.33.5-gke.1201000'],
                },
              ],
            },
          },
        },
      },
    },
  };
}
