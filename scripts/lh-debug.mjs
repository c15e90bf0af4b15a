import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
const path = process.argv[2];
const server = spawn(process.execPath, ['apps/server/dist/main.js'], { env: { ...process.env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolve) => server.stdout.on('data', (c) => { const m = /running at (\S+?)\/?\s/.exec(String(c)); if (m) resolve(m[1]); }));
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const { lhr } = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const a = lhr.audits;
  for (const id of ['first-contentful-paint','largest-contentful-paint','total-blocking-time','cumulative-layout-shift','speed-index','interactive']) console.log(id, a[id].displayValue, a[id].score);
  console.log('render-blocking', JSON.stringify(a['render-blocking-resources'].details?.items?.map(i=>[i.url.slice(-40), i.wastedMs])));
  console.log('lcp el', JSON.stringify(a['largest-contentful-paint-element'].details?.items?.[0]?.items?.[0]?.node?.snippet), JSON.stringify(a['largest-contentful-paint-element'].details?.items?.[1]));
  console.log('bootup', JSON.stringify(a['bootup-time'].details.items.slice(0,6).map(i=>[i.url.slice(-40), Math.round(i.total), Math.round(i.scripting)])));
  console.log('mainthread', JSON.stringify(a['mainthread-work-breakdown'].details.items.map(i=>[i.group, Math.round(i.duration)])));
  console.log('shifts', JSON.stringify(a['layout-shifts']?.details?.items?.slice(0,5).map(i=>[i.node?.snippet?.slice(0,100), i.score])));
  console.log('net', JSON.stringify(a['network-requests'].details.items.slice(0,30).map(i=>[i.url.replace(origin,'').slice(0,50), i.transferSize, Math.round(i.networkEndTime)])));
  console.log('unused-js', JSON.stringify(a['unused-javascript'].details?.items?.map(i=>[i.url.slice(-40), i.wastedBytes])));
  for (const r of lhr.categories.accessibility.auditRefs) if (r.weight>0 && a[r.id].score!==null && a[r.id].score<1) console.log('a11y', r.id, JSON.stringify(a[r.id].details?.items?.map(i=>i.node?.snippet)));
} finally { await chrome.kill(); process.kill(-server.pid); }
