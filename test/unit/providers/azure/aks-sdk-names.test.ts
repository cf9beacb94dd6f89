import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AKS_SDK_PROPERTY_NAMES } from '../../../../providers/azure/aks-sdk-names';

/** Property names declared in the installed SDK's model typings. */
function sdkPropertyNames(): string[] {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@azure/arm-containerservice');
  const dts = readFileSync(join(dirname(main), 'models', 'models.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of dts.matchAll(/^\s+(?:readonly )?"?([A-Za-z0-9_]+)"?\??:/gm)) {
    if (m[1]) names.add(m[1]);
  }
  return [...names].sort();
}

describe('AKS_SDK_PROPERTY_NAMES', () => {
  it('equals the property names of the installed @azure/arm-containerservice models', () => {
    expect([...AKS_SDK_PROPERTY_NAMES].sort()).toEqual(sdkPropertyNames());
  });
});
