// Draws the fan-out curve of a bench report — broadcast latency p50 and p99 against the number of
// devices, with the 10,000-device budget — as a small standalone SVG (docs/fanout-p99.svg).

import type { Report } from './report.js';

export interface CurvePoint {
  devices: number;
  p50: number;
  p99: number;
}

/** The value of the row named `name`, or null when the report has no such row or it was not measured. */
export const rowValue = (report: Report, name: string): number | null => report.rows.find((row) => row.name === name)?.value ?? null;

/** The fan-out rows of a report as points, fewest devices first; sizes missing either number are left out. */
export function fanoutCurve(report: Report): CurvePoint[] {
  const value = (name: string) => rowValue(report, name);
  const sizes = report.rows.flatMap((row) => /^fanout\.p99_ms_(\d+)$/.exec(row.name)?.[1] ?? []).map(Number);
  return sizes
    .map((devices) => ({ devices, p50: value(`fanout.p50_ms_${devices}`), p99: value(`fanout.p99_ms_${devices}`) }))
    .filter((point): point is CurvePoint => point.p50 !== null && point.p99 !== null)
    .sort((a, b) => a.devices - b.devices);
}

const width = 640;
const height = 360;
const margin = { top: 48, right: 120, bottom: 56, left: 64 };

/** A round step for axis ticks so that about five fit. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function fanoutSvg(points: CurvePoint[], { budgetMs, caption }: { budgetMs: number; caption: string }): string {
  if (points.length === 0) throw new Error('no fan-out rows with both p50 and p99 to plot');
  const maxDevices = Math.max(...points.map((point) => point.devices));
  const maxMs = Math.max(budgetMs, ...points.map((point) => point.p99)) * 1.1;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (devices: number) => margin.left + (devices / maxDevices) * plotWidth;
  const y = (ms: number) => margin.top + plotHeight - (ms / maxMs) * plotHeight;
  const line = (key: 'p50' | 'p99') => points.map((point) => `${x(point.devices).toFixed(1)},${y(point[key]).toFixed(1)}`).join(' ');
  const msStep = tickStep(maxMs);
  const msTicks = Array.from({ length: Math.floor(maxMs / msStep) + 1 }, (_, index) => index * msStep);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="title">`,
    `<title id="title">Broadcast latency p50 and p99 against the number of devices</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="24" font-size="14" font-weight="600" fill="#111827">Fan-out: broadcast latency vs devices</text>`,
    `<text x="${margin.left}" y="40" fill="#4b5563">${escape(caption)}</text>`,
    ...msTicks.map(
      (ms) =>
        `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" stroke="#e5e7eb"/><text x="${margin.left - 8}" y="${(y(ms) + 4).toFixed(1)}" text-anchor="end" fill="#374151">${ms}</text>`,
    ),
    ...points.map(
      (point) =>
        `<text x="${x(point.devices).toFixed(1)}" y="${margin.top + plotHeight + 18}" text-anchor="middle" fill="#374151">${point.devices.toLocaleString('en-US')}</text>`,
    ),
    `<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle" fill="#111827">devices connected (Socket.IO, one broadcast to all)</text>`,
    `<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#111827">latency (ms)</text>`,
    `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(budgetMs).toFixed(1)}" y2="${y(budgetMs).toFixed(1)}" stroke="#dc2626" stroke-dasharray="6 4"/>`,
    `<text x="${margin.left + plotWidth + 6}" y="${(y(budgetMs) + 4).toFixed(1)}" fill="#dc2626">budget p99 &lt; ${budgetMs} ms</text>`,
    `<polyline points="${line('p50')}" fill="none" stroke="#2563eb" stroke-width="2"/>`,
    `<polyline points="${line('p99')}" fill="none" stroke="#d97706" stroke-width="2"/>`,
    ...points.flatMap((point) => [
      `<circle cx="${x(point.devices).toFixed(1)}" cy="${y(point.p50).toFixed(1)}" r="3" fill="#2563eb"/>`,
      `<circle cx="${x(point.devices).toFixed(1)}" cy="${y(point.p99).toFixed(1)}" r="3" fill="#d97706"><title>${point.devices} devices: p99 ${point.p99} ms</title></circle>`,
    ]),
    `<text x="${margin.left + plotWidth + 6}" y="${(y(points.at(-1)!.p99) + 4).toFixed(1)}" fill="#d97706">p99 ${points.at(-1)!.p99} ms</text>`,
    `<text x="${margin.left + plotWidth + 6}" y="${(y(points.at(-1)!.p50) + 4).toFixed(1)}" fill="#2563eb">p50 ${points.at(-1)!.p50} ms</text>`,
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}
