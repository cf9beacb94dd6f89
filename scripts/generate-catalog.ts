// `npm run catalog`: regenerates docs/checks.md, the checks block of README.md and
// checks/check-metas.json from the checks' metadata, and docs/api-calls.md from the collectors'
// call plans and the checks' reads.
// Run it after adding or changing a check or a call; `npm test` fails while they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAMEWORKS } from '../checks/frameworks/index';
import { ALL_CHECKS } from '../checks/index';
import { renderApiCallsDoc } from './api-calls-doc';
import { renderChecksDoc, renderReadmeBlock, replaceReadmeBlock } from './catalog-docs';
import { renderCheckMetas } from './check-metas';

const root = join(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
const docPath = join(root, 'docs', 'checks.md');

writeFileSync(docPath, renderChecksDoc(ALL_CHECKS, FRAMEWORKS));
writeFileSync(
  readmePath,
  replaceReadmeBlock(readFileSync(readmePath, 'utf8'), renderReadmeBlock(ALL_CHECKS)),
);
writeFileSync(join(root, 'docs', 'api-calls.md'), renderApiCallsDoc(ALL_CHECKS));
writeFileSync(join(root, 'checks', 'check-metas.json'), renderCheckMetas(ALL_CHECKS));
console.log(
  `Wrote ${ALL_CHECKS.length} checks to docs/checks.md, README.md and checks/check-metas.json, the calls to docs/api-calls.md.`,
);
