import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

const SCANNING = 'containerscanning.googleapis.com';

export const gkeImageScanningApi: GkeCheck = {
  meta: {
    id: 'gke-image-scanning-api',
    provider: 'gke',
    title: "Artifact Analysis container scanning is enabled in the cluster's project",
    severity: 'medium',
    family: 'image-scanning',
    categories: ['supply-chain'],
    risk: "Without the Container Scanning API, images pushed to the project's Artifact Registry are not scanned, so known-vulnerable images deploy unnoticed.",
    remediation: {
      summary:
        'Enable the Container Scanning API (Artifact Analysis automatic scanning) in the project.',
      cli: 'gcloud services enable containerscanning.googleapis.com --project <project>',
      iac: 'Terraform google_project_service: service = "containerscanning.googleapis.com"',
      url: 'https://cloud.google.com/artifact-analysis/docs/enable-automatic-scanning',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.1.1'] },
    reads: ['serviceusage:services.get'],
  },
  evaluate({ ref, parts }) {
    const services = readPart(parts.services, "The project's enabled services", 'parts.services');
    if (!services.ok) return services.outcome;
    const svc = services.value.find((s) => (s.name ?? '').endsWith(`/services/${SCANNING}`));
    const evidence = [ev(`parts.services.value[${SCANNING}].state`, svc?.state)];
    if (svc?.state === 'ENABLED')
      return pass(
        `Project ${ref.account} (cluster ${ref.name}) has ${SCANNING} enabled.`,
        evidence,
      );
    if (!svc)
      return unknown(`Project ${ref.account}: the state of ${SCANNING} was not read.`, evidence);
    return fail(
      `Project ${ref.account} (cluster ${ref.name}) has ${SCANNING} ${svc.state ?? 'not enabled'}.`,
      evidence,
    );
  },
};
