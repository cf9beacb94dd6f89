import { z } from 'zod';

/** Settings of the GKE checks (filled in by the GKE catalog). */
export const GkeConfig = z.strictObject({});
export type GkeConfig = z.infer<typeof GkeConfig>;
