/** ARM api-versions of the resource providers read without an SDK. */
export const API_VERSIONS = {
  diagnosticSettings: '2021-05-01-preview',
  authorization: '2022-04-01',
  pricings: '2024-01-01',
  network: '2024-05-01',
  containerRegistry: '2023-07-01',
  subscriptions: '2022-12-01',
} as const;

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerRegistry/registries/{n}` */
const REGISTRY =
  /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerregistry\/registries\/[^/]+)/i;

/** The registry a role assignment scope points at (or inside), if any. */
export function registryOfScope(scope: string | undefined): string | undefined {
  return scope ? REGISTRY.exec(scope)?.[1] : undefined;
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{v}/subnets/{n}` */
export function isSubnetId(id: string | undefined): id is string {
  return (
    typeof id === 'string' &&
    /\/providers\/microsoft\.network\/virtualnetworks\/[^/]+\/subnets\/[^/]+$/i.test(id)
  );
}
