import type { Evidence } from '../../core/check';
import type { Finding } from '../../core/finding';
import { bySeverityDesc, type Severity } from '../../core/severity';
import { countsText, severityBadge, statusBadge } from './badges';
import { html, type SafeHtml, safeUrl } from './escape';
import { PROVIDER_LABEL, PROVIDERS, STATUS_ORDER } from './model';
import { muteBadge, muteNote } from './sections-exceptions';
import { clusterAnchor } from './sections-summary';
import type { SpoolRef, TextSpool } from './spool';
import type { GroupMeta } from './tally';

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

interface EntryRecord {
  status: number;
  severity: Severity;
  checkId: string;
  subject: string;
  ref: SpoolRef;
}

/**
 * The result entries of the clusters section, rendered as the results come and kept in a spool
 * with what they are sorted by, so a run's report never holds every result at once.
 */
export class ClusterEntries {
  private readonly byGroup = new Map<string, EntryRecord[]>();

  constructor(private readonly spool: TextSpool) {}

  add(f: Finding): void {
    const list = this.byGroup.get(f.resourceId) ?? [];
    this.byGroup.set(f.resourceId, list);
    list.push({
      status: STATUS_ORDER[f.status],
      severity: f.severity,
      checkId: f.checkId,
      subject: f.subject?.name ?? '',
      ref: this.spool.append(resultEntry(f).value),
    });
  }

  /** A group's entries: failures first, then unknown, pass, not applicable; most severe first. */
  *entries(resourceId: string): Generator<string> {
    const list = [...(this.byGroup.get(resourceId) ?? [])].sort(
      (a, b) =>
        a.status - b.status ||
        bySeverityDesc(a.severity, b.severity) ||
        a.checkId.localeCompare(b.checkId) ||
        a.subject.localeCompare(b.subject),
    );
    for (const e of list) yield this.spool.read(e.ref);
  }
}

function sortedGroups(groups: Iterable<GroupMeta>): GroupMeta[] {
  return [...groups].sort(
    (a, b) =>
      PROVIDERS.indexOf(a.provider) - PROVIDERS.indexOf(b.provider) ||
      a.account.localeCompare(b.account) ||
      a.name.localeCompare(b.name) ||
      a.resourceId.localeCompare(b.resourceId),
  );
}

/** The clusters section in pieces: the index, then one collapsible section per cluster. */
export function* clustersSectionChunks(
  groups: Iterable<GroupMeta>,
  entries: ClusterEntries,
): Generator<string> {
  const sorted = sortedGroups(groups);
  const index = sorted.map(
    (g) =>
      html`<tr><td><a href="#${clusterAnchor(g.resourceId)}">${g.name}</a></td><td>${PROVIDER_LABEL[g.provider]}</td><td>${g.account}</td><td>${g.region}</td><td>${countsText(g.counts)}</td></tr>`,
  );
  yield html`<section id="clusters"><h2>Clusters</h2>
<table><thead><tr><th>Cluster</th><th>Cloud</th><th>Account / project / subscription</th><th>Region</th><th>Results</th></tr></thead><tbody>${index}</tbody></table>
`.value;
  for (const g of sorted) {
    yield html`<details class="cluster" id="${clusterAnchor(g.resourceId)}"${g.counts.fail > 0 ? ' open' : ''}><summary>${g.name} <span class="muted">${PROVIDER_LABEL[g.provider]} · ${g.account} · ${g.region}</span> — ${countsText(g.counts)}</summary><div class="body">
<p class="note"><code>${g.resourceId}</code></p>
`.value;
    yield* entries.entries(g.resourceId);
    yield '\n</div></details>';
  }
  yield '</section>';
}
