// Initial JavaScript of the web app as a browser receives it: index.html fetched from the running
// server, then its entry script and every modulepreload, each with `Accept-Encoding: br, gzip`; the
// row is the body bytes on the wire (compressed when the server compresses), raw size as information.

import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { measured, type Row } from '../report.js';
import { withServer } from '../server-process.js';

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/**
 * Files the browser fetches to start the page: `<script type="module" src>`, `<link rel="modulepreload" href>`,
 * and what the prerendered page's boot script fetches once the page has painted (`data-entry`, `data-modules`).
 */
export function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    for (const file of [attribute(tag, 'src'), attribute(tag, 'data-entry'), ...(attribute(tag, 'data-modules')?.split(/\s+/) ?? [])]) {
      if (file) files.add(file);
    }
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel')?.toLowerCase() === 'modulepreload') files.add(href);
  }
  return [...files];
}

export interface Served {
  status: number;
  encoding: string | null;
  /** Body bytes as they came over the wire. */
  wire: Buffer;
  /** The body decoded (what the page runs). */
  body: Buffer;
}

/** One GET as a browser would send it, body kept as received: no client-side decoding in between. */
export function fetchAsBrowser(url: string, accept = 'text/html'): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': 'br, gzip', Accept: accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? null;
        const body = encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode ?? 0, encoding, wire, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function benchWebBundle(): Promise<Row[]> {
  return withServer({}, async (server) => {
    const page = await fetchAsBrowser(`${server.url}/`);
    if (page.status !== 200) throw new Error(`GET / answered ${page.status}: build the web app first (npm run build)`);
    const html = page.body.toString('utf8');
    const files = initialScripts(html);
    if (files.length === 0) throw new Error('index.html names no entry script');
    const served = await Promise.all(files.map((file) => fetchAsBrowser(new URL(file, server.url).href, '*/*')));
    const failed = served.findIndex((response) => response.status !== 200);
    if (failed !== -1) throw new Error(`GET ${files[failed]} answered ${served[failed]!.status}`);
    // Inline scripts ship inside the HTML: count them raw and at the HTML's own compression ratio.
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!.trim()), 0);
    const inlineWire = Math.round(inline * (page.wire.length / page.body.length));
    const wireBytes = served.reduce((sum, response) => sum + response.wire.length, 0) + inlineWire;
    const rawBytes = served.reduce((sum, response) => sum + response.body.length, 0) + inline;
    const encodings = [...new Set(served.map((response) => response.encoding ?? 'identity'))].join(', ');
    return [
      measured('web.initial_js_kib', wireBytes / 1024, 'KiB', null, `body bytes received with Accept-Encoding: br, gzip (Content-Encoding ${encodings}) for ${files.length} file(s): ${files.join(', ')}${inline > 0 ? `; ${inline} B of inline script` : ''}`),
      measured('web.initial_js_raw_kib', rawBytes / 1024, 'KiB', null, 'the same files decoded: what the browser parses'),
    ];
  });
}
