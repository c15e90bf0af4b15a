// After `vite build`: writes each page's HTML (shell + page text, from the server-side bundle in
// dist-prerender/) into dist/pages/, for the server to answer with before any JavaScript runs.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
}
rmSync(bundleDir, { recursive: true, force: true });
console.log(`prerendered ${prerenderedPages().length + 1} pages into dist/pages/`);
