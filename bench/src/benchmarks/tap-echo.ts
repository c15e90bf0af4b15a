// Tap overhead: echo throughput with 50 connections against two servers started side by side, one with
// TAP=on and one with TAP=off. Rounds alternate which server goes first so drift on a shared machine
// hits both; the ratio is the median on-rate over the median off-rate.

import { startEchoLoad, type EchoTransport } from '../echo-pump.js';
import { atLeast, measured, unmeasured, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { startServer, type ServerProcess } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { median, sleep } from '../stats.js';

const transports: { transport: EchoTransport; label: string; captureKind: string }[] = [
  { transport: 'ws', label: 'ws', captureKind: 'websocket' },
  { transport: 'socketio', label: 'socketio', captureKind: 'socket.io' },
];

interface Rate {
  messagesPerSecond: number;
  /** Share of one core the server used while measured: near 1 means the server, not the client, set the pace. */
  serverCpu: number;
}

async function measureRate(server: ServerProcess, session: Session, transport: EchoTransport, sizes: Sizes['echo']): Promise<Rate> {
  const load = await startEchoLoad(server.port, transport, {
    connections: sizes.connections,
    window: sizes.window,
    headers: session.cookieHeader(),
  });
  try {
    await sleep(sizes.warmupMs);
    const before = load.replies();
    const cpuBefore = server.cpuSeconds();
    const startedAt = performance.now();
    await sleep(sizes.roundMs);
    const replies = load.replies() - before;
    const seconds = (performance.now() - startedAt) / 1000;
    return { messagesPerSecond: replies / seconds, serverCpu: (server.cpuSeconds() - cpuBefore) / seconds };
  } finally {
    load.stop();
  }
}

/** Why a ratio cannot be trusted, or null: the tap must capture on TAP=on and capture nothing on TAP=off. */
async function tapProblem(on: Session, off: Session, captureKind: string): Promise<string | null> {
  const captured = await on.captures(captureKind);
  if (captured === null) return 'the wire tap is not on this branch: GET /api/captures did not answer 200 {captures} on the TAP=on server';
  if (!on.hasSid()) return 'the TAP=on server set no loopwire_sid cookie, so its captures cannot be attributed';
  if (captured.length === 0) return `the TAP=on server returned no "${captureKind}" captures for the echo connections`;
  const leaked = await off.captures(captureKind);
  if (leaked !== null && leaked.length > 0) return `TAP=off still captured ${leaked.length} "${captureKind}" exchanges: the switch does not turn the tap off`;
  return null;
}

export async function benchTapEcho(sizes: Sizes['echo']): Promise<Row[]> {
  const servers = { off: await startServer({ TAP: 'off' }), on: await startServer({ TAP: 'on' }) };
  const sessions = { off: await openSession(servers.off.url), on: await openSession(servers.on.url) };
  try {
    const rows: Row[] = [];
    const onRates: Record<string, number> = {};
    const offCpuPerMessage: Record<string, number> = {};
    for (const { transport, label, captureKind } of transports) {
      const samples = { on: [] as Rate[], off: [] as Rate[] };
      for (let round = 0; round < sizes.rounds; round++) {
        const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
        for (const tap of order) samples[tap].push(await measureRate(servers[tap], sessions[tap], transport, sizes));
      }
      const rates = { on: samples.on.map((rate) => rate.messagesPerSecond), off: samples.off.map((rate) => rate.messagesPerSecond) };
      const on = median(rates.on);
      const off = median(rates.off);
      onRates[label] = on;
      const describe = (tap: 'on' | 'off') =>
        `median of ${sizes.rounds} × ${sizes.roundMs} ms rounds, ${sizes.connections} connections × ${sizes.window} in flight; server CPU ${samples[tap].map((rate) => `${Math.round(rate.serverCpu * 100)}%`).join(', ')}`;
      rows.push(measured(`tap.${label}_echo_msgs_per_s_tap_off`, off, 'msg/s', null, describe('off')));
      rows.push(measured(`tap.${label}_echo_msgs_per_s_tap_on`, on, 'msg/s', null, describe('on')));
      // Rounds are paired (off and on back to back), so each pair's ratio cancels drift in the machine's load.
      const pairedRatios = rates.on.map((rate, index) => rate / rates.off[index]!);
      // CPU time per message does not depend on how much of the CPU the server was given: a second view.
      const cpuPerMessage = (tap: 'on' | 'off') => median(samples[tap].map((rate) => rate.serverCpu / rate.messagesPerSecond));
      const cpuRatio = cpuPerMessage('off') / cpuPerMessage('on');
      offCpuPerMessage[label] = cpuPerMessage('off');
      const problem = await tapProblem(sessions.on, sessions.off, captureKind);
      if (problem) {
        const note = `${problem}; both servers ran untapped, so on/off measures nothing`;
        rows.push(unmeasured(`tap.${label}_echo_ratio`, 'ratio', atLeast(0.9), note));
        rows.push(unmeasured(`tap.${label}_echo_cpu_ratio`, 'ratio', null, note));
      } else {
        rows.push(measured(`tap.${label}_echo_ratio`, median(pairedRatios), 'ratio', atLeast(0.9), `median of paired on/off rounds: ${pairedRatios.map((ratio) => ratio.toFixed(3)).join(', ')}`));
        rows.push(
          measured(`tap.${label}_echo_cpu_ratio`, cpuRatio, 'ratio', null, `server CPU per echo, off ÷ on: ${(cpuPerMessage('off') * 1e6).toFixed(1)} µs ÷ ${(cpuPerMessage('on') * 1e6).toFixed(1)} µs (the capacity ratio when the server has a core to itself)`),
        );
      }
    }
    rows.push(
      measured('tap.ws_vs_socketio_echo_ratio', onRates.ws! / onRates.socketio!, 'ratio', null, `raw ws echoes per Socket.IO ack-echo, tap on; server CPU per echo (tap off): ws ${(offCpuPerMessage.ws! * 1e6).toFixed(1)} µs, Socket.IO ${(offCpuPerMessage.socketio! * 1e6).toFixed(1)} µs`),
    );
    return rows;
  } finally {
    sessions.off.close();
    sessions.on.close();
    await Promise.all([servers.off.stop(), servers.on.stop()]);
  }
}
