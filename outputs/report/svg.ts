import { html, type SafeHtml } from './escape';

/** Hand-written inline SVG charts: a stacked bar, labelled bars and a line chart. */

export interface Segment {
  label: string;
  value: number;
  color: string;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

/** One horizontal bar split into segments proportional to their values (empty when all 0). */
export function stackedBar(segments: readonly Segment[], width = 320, height = 16): SafeHtml {
  const total = segments.reduce((s, x) => s + x.value, 0);
  const label = segments.map((s) => `${s.label}: ${s.value}`).join(', ');
  let x = 0;
  const rects = segments
    .filter((s) => s.value > 0)
    .map((s) => {
      const w = (s.value / total) * width;
      const rect = html`<rect x="${r1(x)}" y="0" width="${r1(w)}" height="${height}" fill="${s.color}"><title>${s.label}: ${s.value}</title></rect>`;
      x += w;
      return rect;
    });
  return html`<svg class="chart" role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#e5e7eb"/>${rects}</svg>`;
}

/** Horizontal bars, one per row, with the label left and the value right of each bar. */
export function barRows(rows: readonly Segment[], width = 360): SafeHtml {
  const rowH = 22;
  const labelW = 110;
  const valueW = 40;
  const barMax = width - labelW - valueW;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowH;
  const items = rows.map((r, i) => {
    const y = i * rowH;
    const w = (r.value / max) * barMax;
    return html`<g><text x="0" y="${y + 15}" class="lbl">${r.label}</text><rect x="${labelW}" y="${y + 4}" width="${r1(w)}" height="${rowH - 8}" fill="${r.color}"><title>${r.label}: ${r.value}</title></rect><text x="${r1(labelW + w + 6)}" y="${y + 15}" class="val">${r.value}</text></g>`;
  });
  const label = rows.map((r) => `${r.label}: ${r.value}`).join(', ');
  return html`<svg class="chart" role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${items}</svg>`;
}

export interface Series {
  label: string;
  color: string;
  values: readonly number[];
}

/** A line chart over labelled points (runs), with a y axis from 0 and a legend. */
export function lineChart(
  xLabels: readonly string[],
  series: readonly Series[],
  width = 640,
  height = 220,
): SafeHtml {
  const pad = { left: 48, right: 44, top: 12, bottom: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const n = xLabels.length;
  const xAt = (i: number) => pad.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const yAt = (v: number) => pad.top + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max];
  const grid = ticks.map(
    (t) =>
      html`<line x1="${pad.left}" x2="${width - pad.right}" y1="${r1(yAt(t))}" y2="${r1(yAt(t))}" stroke="#d1d5db"/><text x="${pad.left - 6}" y="${r1(yAt(t) + 4)}" class="val" text-anchor="end">${t}</text>`,
  );
  // Label the last point and earlier ones at least 80px apart, so dates never overlap.
  const shown = new Set<number>([n - 1]);
  let lastX = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n - 1; i++) {
    if (xAt(i) - lastX >= 80 && xAt(n - 1) - xAt(i) >= 80) {
      shown.add(i);
      lastX = xAt(i);
    }
  }
  const xs = xLabels.map((l, i) =>
    shown.has(i)
      ? html`<text x="${r1(xAt(i))}" y="${height - pad.bottom + 16}" class="lbl" text-anchor="middle">${l}</text>`
      : '',
  );
  const lines = series.map((s) => {
    const pts = s.values.map((v, i) => `${r1(xAt(i))},${r1(yAt(v))}`).join(' ');
    const dots = s.values.map(
      (v, i) =>
        html`<circle cx="${r1(xAt(i))}" cy="${r1(yAt(v))}" r="3" fill="${s.color}"><title>${s.label} ${xLabels[i] ?? ''}: ${v}</title></circle>`,
    );
    return html`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"/>${dots}`;
  });
  const legend = series.map(
    (s, i) =>
      html`<rect x="${pad.left + i * 110}" y="${height - 14}" width="10" height="10" fill="${s.color}"/><text x="${pad.left + i * 110 + 14}" y="${height - 5}" class="lbl">${s.label}</text>`,
  );
  return html`<svg class="chart" role="img" aria-label="Trend over ${n} runs" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${grid}${xs}${lines}${legend}</svg>`;
}
