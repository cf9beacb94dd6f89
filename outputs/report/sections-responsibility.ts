import { countsText, statusBadge } from './badges';
import { anchorId, html, type SafeHtml, safeUrl } from './escape';
import { PROVIDER_LABEL, PROVIDERS, worstStatus } from './model';
import type { ReportTally } from './tally';
import type { ReportResponsibilityInput } from './types';

/**
 * "What your provider runs vs what you must configure": per cloud, what the provider runs for
 * every cluster (from its shared-responsibility page), then per family who owns the setting,
 * the provider's part, the customer's part and this run's results on the customer's side.
 */
export function responsibilitySection(
  input: ReportResponsibilityInput | undefined,
  tally: ReportTally,
): SafeHtml {
  if (!input) return html``;
  const clouds = PROVIDERS.filter((p) => tally.providers.has(p));
  const blocks = clouds.map((provider) => {
    const model = input.providers.find((m) => m.provider === provider);
    const href = safeUrl(model?.url);
    const rows = input.rows
      .filter((r) => r.provider === provider)
      .map((r) => ({ row: r, counts: tally.providerFamily(provider, r.family) }))
      .filter((x) => x.counts.pass + x.counts.fail + x.counts.unknown + x.counts.not_applicable > 0)
      .map(({ row, counts }) => {
        return html`<tr><td><code>${row.family}</code></td><td>${row.owner === 'shared' ? 'shared' : 'you'}</td><td>${row.providerDoes}</td><td>${row.customerConfigures}</td><td>${statusBadge(worstStatus(counts) ?? 'not_checked')} ${countsText(counts)}</td></tr>`;
      });
    return html`<details class="framework" id="${anchorId('resp', provider)}" open><summary>${PROVIDER_LABEL[provider]}</summary><div class="body">
<p>${model ? html`<strong>${model.service} runs:</strong> ${model.runs}` : ''}${href ? html` <a href="${href}">Provider’s page</a>` : ''}</p>
<table><thead><tr><th>Family</th><th>Owner</th><th>The provider</th><th>You must configure</th><th>Your results</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
  });
  return html`<section id="responsibility"><h2>What your provider runs vs what you must configure</h2>
<p class="note">Every check reads a setting on the customer’s side of the shared-responsibility model. “shared” means the provider does part of the job by default; the results are for the part you configure.</p>
${blocks}</section>`;
}
