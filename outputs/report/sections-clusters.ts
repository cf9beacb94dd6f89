import type { Evidence } from '../../core/check';
import type { Finding } from '../../core/finding';
import { countsText, severityBadge, statusBadge } from './badges';
import { html, type SafeHtml, safeUrl } from './escape';
import { type ClusterGroup, clusterGroups, PROVIDER_LABEL } from './model';
import { muteBadge, muteNote } from './sections-exceptions';
import { clusterAnchor } from './sections-summary';

/** One collapsible section per cluster, one collapsible entry per result. */

function evidenceValue(e: Evidence): SafeHtml {
  if (e.absent) return html`<span class="muted">(absent from the API object)</span>`;
  const text = JSON.stringify(e.value, null, 2) ?? 'undefined';
  return text.includes('\n') ? html`<pre>${text}</pre>` : html`<code>${text}</code>`;
}

function resultEntry(f: Finding): SafeHtml {
  const r = f.remediation;
  const url = safeUrl(r.url);
  const evidence =
    f.evidence.length === 0
      ? html`<p class="muted">No evidence recorded.</p>`
      : html`<table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>${f.evidence.map(
          (e) => html`<tr><td><code>${e.path}</code></td><td>${evidenceValue(e)}</td></tr>`,
        )}</tbody></table>`;
  const frameworks = Object.entries(f.frameworks).map(([fw, ids]) => `${fw} ${ids.join(', ')}`);
  const showRemediation = f.status === 'fail' || f.status === 'unknown';
  return html`<details class="result"><summary>${statusBadge(f.status)} ${severityBadge(f.severity)} <code>${f.checkId}</code> ${f.title}${f.subject ? html` <span class="muted">— ${f.subject.type} ${f.subject.name}</span>` : ''}${muteBadge(f)}</summary><div class="body">
<p>${f.message}</p>
${muteNote(f)}
<h4>Evidence</h4>${evidence}
${showRemediation ? html`<h4>Remediation</h4><p>${r.summary}</p>${r.cli ? html`<pre>${r.cli}</pre>` : ''}${r.iac ? html`<p class="note">IaC: ${r.iac}</p>` : ''}${url ? html`<p><a href="${url}" rel="noreferrer">${url}</a></p>` : ''}` : ''}
<p class="note">Finding <code>${f.id}</code>${frameworks.length ? html` · ${frameworks.join(' · ')}` : ''}</p>
</div></details>`;
}

function clusterSection(g: ClusterGroup): SafeHtml {
  return html`<details class="cluster" id="${clusterAnchor(g.resourceId)}"${g.counts.fail > 0 ? ' open' : ''}><summary>${g.name} <span class="muted">${PROVIDER_LABEL[g.provider]} · ${g.account} · ${g.region}</span> — ${countsText(g.counts)}</summary><div class="body">
<p class="note"><code>${g.resourceId}</code></p>
${g.findings.map(resultEntry)}
</div></details>`;
}

export function clustersSection(findings: readonly Finding[]): SafeHtml {
  const groups = clusterGroups(findings);
  const index = groups.map(
    (g) =>
      html`<tr><td><a href="#${clusterAnchor(g.resourceId)}">${g.name}</a></td><td>${PROVIDER_LABEL[g.provider]}</td><td>${g.account}</td><td>${g.region}</td><td>${countsText(g.counts)}</td></tr>`,
  );
  return html`<section id="clusters"><h2>Clusters</h2>
<table><thead><tr><th>Cluster</th><th>Cloud</th><th>Account / project / subscription</th><th>Region</th><th>Results</th></tr></thead><tbody>${index}</tbody></table>
${groups.map(clusterSection)}</section>`;
}
