import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { CLOUD_OF, Cloud } from '../../../core/provider';
import { checksFor } from '../../../functions/audit-target/checks-for';

describe('checksFor (audit-target imports one cloud’s checks)', () => {
  it.each(Cloud.options)(
    '%s: exactly the catalog’s checks of that cloud, with the same metadata',
    async (cloud) => {
      const expected = ALL_CHECKS.filter((c) => CLOUD_OF[c.meta.provider] === cloud);
      const checks = await checksFor(cloud);
      expect(expected.length).toBeGreaterThan(10);
      expect(checks.map((c) => c.meta)).toEqual(expected.map((c) => c.meta));
      expect(checks.map((c) => c.evaluate)).toEqual(expected.map((c) => c.evaluate));
      // Imported and mapped once per execution environment.
      expect(await checksFor(cloud)).toBe(checks);
    },
  );
});
