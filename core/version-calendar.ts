import * as z from 'zod';

const IsoDate = z.iso.date();

/** Dated support windows of Kubernetes minor versions on one managed service. */
export const VersionCalendar = z.strictObject({
  /** The day the dates were taken from the source. */
  asOf: IsoDate,
  source: z.string().min(1),
  versions: z
    .array(
      z.strictObject({
        version: z.string().regex(/^\d+\.\d+$/, 'a Kubernetes minor version such as "1.31"'),
        endOfStandardSupport: IsoDate,
        endOfExtendedSupport: IsoDate.optional(),
      }),
    )
    .min(1),
});
export type VersionCalendar = z.infer<typeof VersionCalendar>;

/** Compares Kubernetes minor versions ("1.9" < "1.10"). */
export function compareMinor(a: string, b: string): number {
  const [aMaj = 0, aMin = 0] = a.split('.').map(Number);
  const [bMaj = 0, bMin = 0] = b.split('.').map(Number);
  return aMaj - bMaj || aMin - bMin;
}
