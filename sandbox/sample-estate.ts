import { join } from 'node:path';

/** The bundled sample estate: 12 clusters across the three clouds (README.md describes them). */
export const SAMPLE_ESTATE_FILE = join(import.meta.dirname, 'estates', 'sample.json');
