import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

export const gkeMaintenanceNotifications: GkeCheck = {
  meta: {
    id: 'gke-maintenance-notifications',
    provider: 'gke',
    title: 'GKE cluster has a maintenance window and upgrade notifications',
    severity: 'low',
    family: 'upgrade-notifications',
    categories: ['lifecycle'],
    risk: 'Without a maintenance window upgrades land at any time; without Pub/Sub notifications the team learns of security upgrades and end-of-support only after they happen.',
    remediation: {
      summary:
        'Set a recurring maintenance window and send cluster notifications to a Pub/Sub topic.',
      cli: 'gcloud container clusters update <cluster> --location <location> --maintenance-window-start <time> --maintenance-window-end <time> --maintenance-window-recurrence <rrule> --notification-config pubsub=ENABLED,pubsub-topic=projects/<p>/topics/<t>',
      iac: 'Terraform google_container_cluster: maintenance_policy { recurring_window { ... } } and notification_config { pubsub { enabled = true topic = "<topic>" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/cluster-notifications',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const window = cluster.maintenancePolicy?.window;
    const hasWindow = Boolean(window?.dailyMaintenanceWindow || window?.recurringWindow);
    const notify = cluster.notificationConfig?.pubsub?.enabled;
    const evidence = [
      ev('cluster.maintenancePolicy.window', window),
      ev('cluster.notificationConfig.pubsub.enabled', notify),
      ev('cluster.notificationConfig.pubsub.topic', cluster.notificationConfig?.pubsub?.topic),
    ];
    const missing: string[] = [];
    if (!hasWindow) missing.push('no maintenance window');
    // Proto3 JSON omits false: absent `enabled` means notifications are off.
    if (notify !== true) missing.push('no Pub/Sub upgrade notifications');
    return missing.length === 0
      ? pass(
          `Cluster ${ref.name} has a maintenance window and Pub/Sub upgrade notifications.`,
          evidence,
        )
      : fail(`Cluster ${ref.name} has ${missing.join(' and ')}.`, evidence);
  },
};
