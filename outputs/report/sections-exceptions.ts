import type { Finding } from '../../core/finding';
import type { EntryReport, EntryState } from '../../core/mutelist-match';
import { html, type SafeHtml } from './escape';
import type { ReportTally } from './tally';
import type { ReportExceptions } from './types';

/** The mutelist in force for this run: who accepted which risk, why, until when, and what it hit. */

const STATE_LABEL: Readonly<Record<EntryState, string>> = {
  active: 'Active',
  unused: 'Unused',
  expired: 'Expired',
};

/** A result's mute marker for its summary line: Muted, or Exception expired. */
export function muteBadge(f: Finding): SafeHtml {
  if (f.muted && f.exception) {
    return html` <span class="badge st-muted" title="${f.exception.reason}">Muted</span>`;
  }
  if (f.exception?.state === 'expired') {
    return html` <span class="badge st-expired">Exception expired</span>`;
  }
  return html``;
}

/** The exception's line inside a result's details. */
export function muteNote(f: Finding): SafeHtml {
  const e = f.exception;
  if (!e) return html``;
  if (f.muted) {
    return html`<p class="mute"><strong>Muted</strong> until ${e.expires} (UTC) by <a href="#mutelist-entry-${e.entry}">mutelist entry ${e.entry}</a>, owner <strong>${e.owner}</strong>: ${e.reason}. The status above is the check's real result.</p>`;
  }
  return html`<p class="mute"><strong>No longer muted</strong>: <a href="#mutelist-entry-${e.entry}">mutelist entry ${e.entry}</a> (owner ${e.owner}) expired on ${e.expires}.</p>`;
}

function scope(r: EntryReport): SafeHtml {
  const e = r.entry;
  const rows: [string, string | undefined][] = [
    ['providers', e.providers?.join(', ')],
    ['accounts', e.accounts?.join(', ')],
    ['regions', e.regions?.join(', ')],
    ['clusters', e.clusters?.join(', ')],
    [
      'tags',
      e.tags
        ? Object.entries(e.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')
        : undefined,
    ],
  ];
  const given = rows.filter((row): row is [string, string] => row[1] !== undefined);
  if (given.length === 0) return html`<span class="muted">everywhere</span>`;
  return html`${given.map(([k, v]) => html`<div>${k}: <code>${v}</code></div>`)}`;
}

function resultsCell(r: EntryReport, tally: ReportTally): SafeHtml {
  const n = r.findingIds.length;
  if (n === 0) return html`<span class="muted">matches nothing in this run</span>`;
  // Every result an entry matches carries an exception, so the tally has the failing ones.
  let failing = 0;
  for (const id of new Set(r.findingIds)) failing += tally.failingWithException.get(id) ?? 0;
  const what = `${n} result${n === 1 ? '' : 's'}${failing > 0 ? ` (${failing} failing)` : ''}`;
  return r.state === 'expired' ? html`would match ${what}; no longer muted` : html`${what}`;
}

export function exceptionsSection(
  exceptions: ReportExceptions | undefined,
  tally: ReportTally,
): SafeHtml {
  if (!exceptions) return html``;
  const { entries } = exceptions;
  const count = (s: EntryState) => entries.filter((e) => e.state === s).length;
  const rows = entries.map(
    (r) =>
      html`<tr id="mutelist-entry-${r.index}"><td class="num">${r.index}</td><td><span class="badge st-entry-${r.state}">${STATE_LABEL[r.state]}</span></td><td>${r.entry.checks.map((c) => html`<div><code>${c}</code></div>`)}</td><td>${scope(r)}</td><td>${r.entry.owner}</td><td>${r.entry.reason}</td><td class="nowrap">${r.entry.expires}</td><td>${resultsCell(r, tally)}</td></tr>`,
  );
  const { mutedFailing } = tally;
  return html`<section id="exceptions"><h2>Exceptions (mutelist)</h2>
<p class="note">${exceptions.source ? html`<code>${exceptions.source}</code>, ` : ''}judged on ${exceptions.asOf} (UTC): ${count('active')} active, ${count('unused')} unused (in force but matching nothing), ${count('expired')} expired. ${mutedFailing} failing result${mutedFailing === 1 ? ' is' : 's are'} muted; muted results keep their status everywhere in this report.</p>
${
  entries.length === 0
    ? html`<p class="muted">The mutelist has no entries.</p>`
    : html`<table><thead><tr><th class="num">#</th><th>State</th><th>Checks</th><th>Scope</th><th>Owner</th><th>Reason</th><th>Expires</th><th>Results</th></tr></thead><tbody>${rows}</tbody></table>`
}</section>`;
}
