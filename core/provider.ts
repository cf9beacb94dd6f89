import * as z from 'zod';

/** The managed Kubernetes service a cluster runs on. */
export const Provider = z.enum(['eks', 'gke', 'aks']);
export type Provider = z.infer<typeof Provider>;

/** The cloud that hosts a provider. */
export const Cloud = z.enum(['aws', 'gcp', 'azure']);
export type Cloud = z.infer<typeof Cloud>;

export const CLOUD_OF: Readonly<Record<Provider, Cloud>> = { eks: 'aws', gke: 'gcp', aks: 'azure' };
