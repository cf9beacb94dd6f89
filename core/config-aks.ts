import { z } from 'zod';

/** Settings of the AKS checks (filled in by the AKS catalog). */
export const AksConfig = z.strictObject({});
export type AksConfig = z.infer<typeof AksConfig>;
