import { startLoopwireServer } from './apps/server/dist/server.js';
import { parseConfig } from './apps/server/dist/config.js';
const server = await startLoopwireServer(parseConfig({ PORT: '0' }));
const api = (m, p, b) => fetch(server.url + '/api' + p, { method: m, headers: { 'content-type': 'application/json' }, body: b && JSON.stringify(b) }).then((r) => r.json());
const n = Number(process.argv[2] ?? 300);
await api('POST', '/devices/simulator', { count: n });
while ((await api('GET', '/devices')).count < n) await new Promise((r) => setTimeout(r, 200));
await new Promise((r) => setTimeout(r, 1000));
for (let i = 0; i < 5; i++) {
  const s = await api('POST', '/devices/broadcast', { payload: { i } });
  let r;
  do { await new Promise((res) => setTimeout(res, 100)); r = await api('GET', '/devices/broadcasts/' + s.id); } while (!r.done);
  console.log(n, r.acked, JSON.stringify(r.delivery), r.allAckedMs, r.messagesPerSecond);
}
await server.close();
