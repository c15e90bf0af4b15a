// After `vite build`: writes each page's HTML (shell + page text, from the server-side bundle in
// dist-prerender/) into dist/pages/ (with .br and .gz beside each), for the server to answer with
// before any JavaScript runs.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const manifest = JSON.parse(readFileSync(join(webDir, 'dist', '.vite', 'manifest.json'), 'utf8'));

// The Latin face of the text font, fetched with the page instead of after the first layout: text drawn in a
// fallback font and redrawn in Inter moves everything below it (a layout shift on every page).
const fontFiles = readdirSync(join(webDir, 'dist', 'assets')).filter((file) => /^inter-latin-wght-normal-.+\.woff2$/.test(file));
if (fontFiles.length !== 1) throw new Error(`prerender: expected one Latin woff2 of Inter in dist/assets, found ${fontFiles.join(', ') || 'none'}`);
const fontPreloads = fontFiles.map((file) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="/assets/${file}">`);

/** `<link>`s for a page's own stylesheets (so nothing moves when the code arrives) and the font, and the chunks of its module. */
function assetsFor(module) {
  if (!module) return { links: fontPreloads, chunks: [] };
  if (!manifest[module]) throw new Error(`prerender: ${module} is not in the build's manifest (renamed? update prerender.tsx)`);
  const css = new Set();
  const chunks = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (chunks.has(chunk.file)) return;
    chunks.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(module);
  const notInTemplate = (file) => !template.includes(`/${file}"`);
  return {
    links: [...fontPreloads, ...[...css].filter(notInTemplate).map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`)],
    chunks: [...chunks].filter(notInTemplate).map((file) => `/${file}`),
  };
}

// No script is requested from the page itself: the boot script (index.html) fetches the entry and every chunk
// the page needs once the page is loaded and painted, so none of them competes with what the first paint needs.
const entryScript = /\s*<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)"><\/script>/;
const entry = entryScript.exec(template)?.[1];
if (!entry) throw new Error('prerender: dist/index.html has no module script for the entry');
const templateModulePreload = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;
const entryChunks = [...template.matchAll(templateModulePreload)].map((match) => match[1]);
const bootScript = '<script id="boot">';
if (!template.includes(bootScript)) throw new Error(`prerender: dist/index.html has no ${bootScript}`);
const bootWith = (chunks) => `<script id="boot" data-entry="${entry}" data-modules="${[...entryChunks, ...chunks].join(' ')}">`;
const rootElement = '<div id="root"></div>';
if (!template.includes(rootElement)) throw new Error(`prerender: dist/index.html has no ${rootElement}`);

rmSync(pagesDir, { recursive: true, force: true });
for (const { path, file, module } of [...prerenderedPages(), notFoundPage]) {
  const page = await renderPage(path);
  const { links, chunks } = assetsFor(module);
  const html = template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(entryScript, '')
    .replaceAll(templateModulePreload, '')
    .replace(bootScript, () => bootWith(chunks))
    .replace('</head>', () => `  ${links.join('\n    ')}\n  </head>`)
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
