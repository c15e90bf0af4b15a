// After `vite build`: writes each page's HTML (shell + page text, from the server-side bundle in
// dist-prerender/) into dist/pages/ (with .br and .gz beside each), for the server to answer with
// before any JavaScript runs.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = join(import.meta.dirname, '..');
const bundleDir = join(webDir, 'dist-prerender');
const pagesDir = join(webDir, 'dist', 'pages');
const { renderPage, prerenderedPages, notFoundPage } = await import(join(bundleDir, 'prerender.js'));

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const template = readFileSync(join(webDir, 'dist', 'index.html'), 'utf8');
const rootElement = '<div id="root"></div>';
if (!template.includes(rootElement)) throw new Error(`prerender: dist/index.html has no ${rootElement}`);

rmSync(pagesDir, { recursive: true, force: true });
for (const { path, file } of [...prerenderedPages(), notFoundPage]) {
  const page = await renderPage(path);
  const html = template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(rootElement, () => `<div id="root">${page.html}</div>`);
  const target = join(pagesDir, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, html);
  // Compressed once here, like the assets, so the server sends each page as .br or .gz as it is.
  writeFileSync(`${target}.br`, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${target}.gz`, gzipSync(html, { level: 9 }));
}
rmSync(bundleDir, { recursive: true, force: true });
console.log(`prerendered ${prerenderedPages().length + 1} pages into dist/pages/`);
