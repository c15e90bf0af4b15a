// Initial JavaScript of the built web app: the entry script and every modulepreload link in
// apps/web/dist/index.html, each gzipped (level 9, as a static server would precompress), summed.

import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { paths } from '../paths.js';
import { atMost, measured, type Row } from '../report.js';

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** Files the browser fetches before first render: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src) files.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel')?.toLowerCase() === 'modulepreload') files.add(href);
  }
  return [...files];
}

export function benchWebBundle(): Row[] {
  const indexPath = `${paths.webDist}index.html`;
  if (!existsSync(indexPath)) throw new Error(`${indexPath} does not exist: build the web app first (npm run build)`);
  const html = readFileSync(indexPath, 'utf8');
  const files = initialScripts(html);
  if (files.length === 0) throw new Error('index.html names no entry script');
  // Inline scripts ship in the HTML but are JavaScript too.
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!).filter((code) => code.trim() !== '');
  const sources = [...files.map((file) => readFileSync(`${paths.webDist}${file.replace(/^\//, '')}`)), ...inline.map((code) => Buffer.from(code))];
  const gzipBytes = sources.reduce((sum, source) => sum + gzipSync(source, { level: 9 }).length, 0);
  const rawBytes = sources.reduce((sum, source) => sum + source.length, 0);
  return [
    measured('web.initial_js_gzip_kib', gzipBytes / 1024, 'KiB', atMost(150), `${files.length} file(s) (${(rawBytes / 1024).toFixed(1)} KiB raw): ${files.join(', ')}`),
  ];
}
