import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_METAS } from '../../../checks/check-metas';
import { FRAMEWORKS } from '../../../checks/frameworks/index';
import { ALL_CHECKS } from '../../../checks/index';
import type { AnyCheck } from '../../../core/check';
import {
  README_END,
  README_START,
  renderChecksDoc,
  renderReadmeBlock,
  replaceReadmeBlock,
} from '../../../scripts/catalog-docs';
import { renderCheckMetas } from '../../../scripts/check-metas';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const STALE = 'stale: run `npm run catalog` and commit the result';

describe('generated check catalog', () => {
  it('checks/check-metas.json matches the checks (publish reads it instead of their code)', () => {
    expect(read('checks/check-metas.json'), `checks/check-metas.json is ${STALE}`).toBe(
      renderCheckMetas(ALL_CHECKS),
    );
    expect(CHECK_METAS.map((c) => c.meta.id)).toEqual(ALL_CHECKS.map((c) => c.meta.id));
  });

  it('docs/checks.md matches the checks', () => {
    expect(read('docs/checks.md'), `docs/checks.md is ${STALE}`).toBe(
      renderChecksDoc(ALL_CHECKS, FRAMEWORKS),
    );
  });

  it('the README block matches the checks', () => {
    const readme = read('README.md');
    expect(readme, `README.md is ${STALE}`).toBe(
      replaceReadmeBlock(readme, renderReadmeBlock(ALL_CHECKS)),
    );
  });

  it('lists every check with a link to its details', () => {
    const block = renderReadmeBlock(ALL_CHECKS);
    const doc = renderChecksDoc(ALL_CHECKS, FRAMEWORKS);
    for (const c of ALL_CHECKS) {
      expect(block).toContain(`[${c.meta.id}](docs/checks.md#${c.meta.id})`);
      expect(doc).toContain(`\n### ${c.meta.id}\n`);
    }
  });

  it('escapes table pipes and replaces only the marked block', () => {
    const [first] = ALL_CHECKS;
    if (!first) throw new Error('no checks');
    const piped = { ...first, meta: { ...first.meta, title: 'a | b' } } as AnyCheck;
    expect(renderChecksDoc([piped], [])).toContain('| a \\| b |');
    const text = `before\n${README_START}\nold\n${README_END}\nafter\n`;
    expect(replaceReadmeBlock(text, `${README_START}\nnew\n${README_END}`)).toBe(
      `before\n${README_START}\nnew\n${README_END}\nafter\n`,
    );
    expect(() => replaceReadmeBlock('no markers', 'x')).toThrow(/no <!-- checks:start -->/);
  });
});
