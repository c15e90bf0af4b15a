// Draws the soak's samples as an SVG (no external tool): resident memory and event-loop lag over
// time, the warm-up shaded, the band up to 10 % over the top of the first half after the warm-up (soak-memory.ts).

export interface SoakSample {
  atS: number;
  rssMiB: number;
  lagMaxMs: number;
  handles: number;
  errors: number;
}

const width = 760;
const height = 300;
const pad = { left: 56, right: 56, top: 28, bottom: 40 };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function soakSvg(samples: SoakSample[], warmUpS: number, baselineMiB: number, title: string): string {
  const maxS = Math.max(1, ...samples.map((sample) => sample.atS));
  const maxRss = Math.max(baselineMiB * 1.15, ...samples.map((sample) => sample.rssMiB)) * 1.05;
  const maxLag = Math.max(10, ...samples.map((sample) => sample.lagMaxMs)) * 1.1;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (s: number) => pad.left + (s / maxS) * plotW;
  const yRss = (mib: number) => pad.top + plotH - (mib / maxRss) * plotH;
  const yLag = (ms: number) => pad.top + plotH - (ms / maxLag) * plotH;
  const line = (pick: (sample: SoakSample) => number, y: (v: number) => number) =>
    samples.map((sample) => `${x(sample.atS).toFixed(1)},${y(pick(sample)).toFixed(1)}`).join(' ');
  const ticks = Array.from({ length: 6 }, (_, index) => (maxS / 5) * index);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11">
<title>${escapeXml(title)}</title>
<rect width="${width}" height="${height}" fill="#fff"/>
<rect x="${pad.left}" y="${pad.top}" width="${(x(warmUpS) - pad.left).toFixed(1)}" height="${plotH}" fill="#f1f1f1"/>
<text x="${pad.left + 4}" y="${pad.top + 12}" fill="#777">warm-up</text>
<rect x="${pad.left}" y="${yRss(baselineMiB * 1.1).toFixed(1)}" width="${plotW}" height="${(yRss(baselineMiB) - yRss(baselineMiB * 1.1)).toFixed(1)}" fill="#2b6cb0" fill-opacity="0.08"/>
<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#333"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${pad.top + plotH}" stroke="#2b6cb0"/>
<line x1="${pad.left + plotW}" y1="${pad.top}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#c05621"/>
${ticks.map((s) => `<text x="${x(s).toFixed(1)}" y="${height - 22}" text-anchor="middle">${(s / 60).toFixed(1)} min</text>`).join('\n')}
<text x="${pad.left - 6}" y="${yRss(0)}" text-anchor="end" fill="#2b6cb0">0</text>
<text x="${pad.left - 6}" y="${yRss(maxRss / 1.05).toFixed(1)}" text-anchor="end" fill="#2b6cb0">${Math.round(maxRss / 1.05)}</text>
<text x="${pad.left + plotW + 6}" y="${yLag(0)}" fill="#c05621">0</text>
<text x="${pad.left + plotW + 6}" y="${yLag(maxLag / 1.1).toFixed(1)}" fill="#c05621">${Math.round(maxLag / 1.1)}</text>
<polyline points="${line((sample) => sample.rssMiB, yRss)}" fill="none" stroke="#2b6cb0" stroke-width="1.8"/>
<polyline points="${line((sample) => sample.lagMaxMs, yLag)}" fill="none" stroke="#c05621" stroke-width="1" stroke-opacity="0.8"/>
<text x="${pad.left}" y="16" font-size="12" font-weight="600">${escapeXml(title)}</text>
<text x="${pad.left}" y="${height - 6}" fill="#2b6cb0">— resident memory (MiB, left; band: up to +10 % over ${baselineMiB.toFixed(0)} MiB, the first half's top)</text>
<text x="${pad.left + plotW}" y="${height - 6}" text-anchor="end" fill="#c05621">— max event-loop lag per 5 s (ms, right)</text>
</svg>
`;
}
