import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIS_EKS_1_8_0 } from '../../checks/frameworks/cis-eks-1.8.0';
import { renderReport } from '../../outputs/report/render';
import type { RunHistoryEntry } from '../../outputs/report/types';
import { sampleFindings } from '../builders/findings';

/**
 * The HTML report in Debian's headless Chromium: it loads from a file:// URL with no console
 * error and no request besides the file itself, shows every section, fits a laptop screen, and
 * a screenshot is saved to out/test-report.png. `.ci/prepare` installs chromium, so under CI a
 * missing browser fails the test; elsewhere the test is skipped and says why.
 */

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '..', '..', 'out');
const missing = !existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';
const SKIP_REASON = `${CHROMIUM} is not installed; run \`bash .ci/prepare\` (apt-get install chromium) to enable this test`;

// The flags known to work on these machines: no sandbox as root, and no background networking,
// which a closed network would answer with refused connections.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const history: RunHistoryEntry[] = Array.from({ length: 14 }, (_, i) => ({
  date: `2026-11-${String(i + 14).padStart(2, '0')}`,
  runId: `2026-11-${String(i + 14).padStart(2, '0')}T06-00-00Z`,
  counts: {
    pass: 8 + Math.round(i / 2),
    fail: 12 - Math.round(i / 2),
    unknown: i % 3,
    not_applicable: 1,
  },
}));

describe('report.html in headless Chromium', () => {
  let browser: BrowserContext | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    if (missing) return;
    profile = await mkdtemp(join(tmpdir(), 'mk8s-report-chromium-'));
    // A fresh, empty profile directory for every run.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1366, height: 768 },
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('loads offline without errors, shows every section and fits a laptop screen', async (ctx) => {
    if (missing) {
      // CI installs chromium in .ci/prepare: there a missing browser is a failure, not a skip.
      if (inCi) throw new Error(`CI=true but ${SKIP_REASON}`);
      ctx.skip(SKIP_REASON);
    }
    if (!browser) throw new Error('chromium did not start');
    await mkdir(OUT, { recursive: true });
    const file = join(OUT, 'test-report.html');
    await writeFile(
      file,
      renderReport({
        findings: sampleFindings(),
        generatedAt: new Date('2026-11-28T06:30:00Z'),
        run: { runId: '2026-11-28T06-00-00Z', date: '2026-11-28' },
        frameworks: [CIS_EKS_1_8_0],
        history,
      }),
    );
    const url = pathToFileURL(file).href;

    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));

    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    await page.waitForLoadState('networkidle');

    expect(consoleErrors).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests).toEqual([url]);

    await page.screenshot({ path: join(OUT, 'test-report-top.png') });
    const headings = await page.locator('h2').allInnerTexts();
    expect(headings).toEqual([
      'Posture by cloud and severity',
      'Trend over the last 15 runs',
      'Control families across clouds',
      'Benchmark requirements',
      'Top failing checks',
      'Clusters',
    ]);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('details.cluster').count()).toBe(5);
    // Hostile text in a finding stays text: no element was made from it.
    expect(await page.locator('main img').count()).toBe(0);

    // A cluster with failures starts open; its results are collapsed until clicked.
    const dataDev = page.locator('details.cluster', { hasText: 'data-dev' });
    expect(await dataDev.getAttribute('open')).not.toBeNull();
    const result = dataDev.locator('details.result', { hasText: 'eks-secrets-encryption' });
    expect(await result.locator('h4').first().isVisible()).toBe(false);
    await result.locator('> summary').click();
    await expect
      .poll(() => result.locator('h4').allInnerTexts())
      .toEqual(['Evidence', 'Remediation']);
    expect(await result.locator('td code').first().textContent()).toBe('cluster.encryptionConfig');

    // Readable on a laptop: nothing wider than the window, body text at least 13px.
    // A string, so that the page's DOM globals need no DOM types in this Node project.
    const layout = (await page.evaluate(
      '({ scrollWidth: document.documentElement.scrollWidth, fontSize: Number.parseFloat(getComputedStyle(document.body).fontSize) })',
    )) as { scrollWidth: number; fontSize: number };
    expect(layout.scrollWidth).toBeLessThanOrEqual(1366);
    expect(layout.fontSize).toBeGreaterThanOrEqual(13);

    await page.screenshot({ path: join(OUT, 'test-report.png'), fullPage: true });
    expect(existsSync(join(OUT, 'test-report.png'))).toBe(true);
    await page.close();
  });
});
