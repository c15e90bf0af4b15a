// Tap cost: 50 echo connections against each of the Loopwire servers started side by side with TAP=off
// and TAP=on, and (raw ws only) a bare `ws` echo server as the peer, started afresh for every round. In
// each round every server gets its load at the same time, over the same window, so whatever else the
// shared machine is doing hits all of them alike. The verdict is server CPU time per echo, off ÷ on (the
// median over rounds of each round's ratio): unlike throughput it does not depend on how much of the
// machine the server was given, nor does it tend to 1 when the client is the bottleneck.

import { fileURLToPath } from 'node:url';
import { startEchoLoad, type EchoTransport } from '../echo-pump.js';
import { atLeast, measured, unmeasured, type Row } from '../report.js';
import { openSession, type Session } from '../session.js';
import { startServer, type ServerProcess } from '../server-process.js';
import type { Sizes } from '../sizes.js';
import { median, sleep } from '../stats.js';

/**
 * A server in a round: the bare `ws` peer, Loopwire with TAP=off or TAP=on, or TAP=on with a probe of
 * the tap floor (bench/src/tap-probes): `hooks` hands every chunk on and looks no further, `found` finds
 * and stamps every frame but keeps none.
 */
type Side = 'bare' | 'off' | 'on' | 'hooks' | 'found';

const probes: Partial<Record<Side, string>> = { hooks: 'hooks-only.js', found: 'frames-found.js' };

const transports: { transport: EchoTransport; captureKind: string; sides: readonly Side[] }[] = [
  { transport: 'ws', captureKind: 'websocket', sides: ['bare', 'off', 'on'] },
  { transport: 'socketio', captureKind: 'socket.io', sides: ['off', 'on'] },
];

const tapBudget = atLeast(0.95);

interface Round {
  messagesPerSecond: number;
  /** Share of one core the server used while measured. */
  serverCpu: number;
  /** Server CPU seconds per echo. */
  cpuPerEcho: number;
}

/** One round: every side under the same load at once, measured over the same window. */
async function measureRound(
  servers: Record<Side, ServerProcess>,
  sessions: Partial<Record<Side, Session>>,
  sides: readonly Side[],
  transport: EchoTransport,
  sizes: Sizes['echo'],
): Promise<Record<Side, Round>> {
  const loads = await Promise.all(
    sides.map((side) =>
      startEchoLoad(servers[side].port, transport, {
        connections: sizes.connections,
        window: sizes.window,
        headers: sessions[side]?.cookieHeader() ?? {},
      }),
    ),
  );
  try {
    await sleep(sizes.warmupMs);
    const before = loads.map((load) => load.replies());
    const cpuBefore = sides.map((side) => servers[side].cpuSeconds());
    const startedAt = performance.now();
    await sleep(sizes.roundMs);
    const replies = loads.map((load, index) => load.replies() - before[index]!);
    const cpu = sides.map((side, index) => servers[side].cpuSeconds() - cpuBefore[index]!);
    const seconds = (performance.now() - startedAt) / 1000;
    const round = {} as Record<Side, Round>;
    sides.forEach((side, index) => {
      round[side] = { messagesPerSecond: replies[index]! / seconds, serverCpu: cpu[index]! / seconds, cpuPerEcho: cpu[index]! / replies[index]! };
    });
    return round;
  } finally {
    for (const load of loads) load.stop();
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

/** Why a probe's server cannot stand for its part of the tap, or null: it must capture the exchanges and keep no frame. */
async function probeProblem(side: Side, session: Session, captureKind: string): Promise<string | null> {
  const captured = await session.captures(captureKind);
  if (captured === null || captured.length === 0) return `the "${side}" probe's server returned no "${captureKind}" captures`;
  const kept = captured.reduce((sum, capture) => sum + (capture.frames?.length ?? 0), 0);
  return kept > 0 ? `the "${side}" probe did not take: its server kept ${kept} frames` : null;
}

const microseconds = (seconds: number) => `${(seconds * 1e6).toFixed(2)} µs`;
const percent = (rounds: Round[]) => rounds.map((round) => `${Math.round(round.serverCpu * 100)}%`).join(', ');

function startSide(side: Side): Promise<ServerProcess> {
  if (side === 'bare') return startServer({}, { script: fileURLToPath(new URL('../bare-ws-server.js', import.meta.url)) });
  const probe = probes[side];
  if (probe === undefined) return startServer({ TAP: side });
  const preload = new URL(`../tap-probes/${probe}`, import.meta.url).href;
  return startServer({ TAP: 'on', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() });
}

/** Fresh servers for one round: the sides it compares, started together and stopped together. */
async function withServers<T>(sides: readonly Side[], body: (servers: Record<Side, ServerProcess>, sessions: Partial<Record<Side, Session>>) => Promise<T>): Promise<T> {
  const servers = {} as Record<Side, ServerProcess>;
  const sessions: Partial<Record<Side, Session>> = {};
  try {
    for (const side of sides) {
      servers[side] = await startSide(side);
      if (side !== 'bare') sessions[side] = await openSession(servers[side].url);
    }
    return await body(servers, sessions);
  } finally {
    for (const session of Object.values(sessions)) session.close();
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

/** `sizes.rounds` rounds of `sides`, each on fresh servers; `problem` says why on ÷ off would measure nothing. */
async function measureRounds(sides: readonly Side[], transport: EchoTransport, captureKind: string, sizes: Sizes['echo']) {
  const rounds: Record<Side, Round[]> = { bare: [], off: [], on: [], hooks: [], found: [] };
  let problem: string | null = null;
  for (let round = 0; round < sizes.rounds; round++) {
    const measuredRound = await withServers(sides, async (servers, sessions) => {
      const measuredHere = await measureRound(servers, sessions, sides, transport, sizes);
      problem ??= await tapProblem(sessions.on!, sessions.off!, captureKind);
      for (const side of sides) if (probes[side] !== undefined) problem ??= await probeProblem(side, sessions[side]!, captureKind);
      return measuredHere;
    });
    for (const side of sides) rounds[side].push(measuredRound[side]);
  }
  return { rounds, problem: problem as string | null };
}

/** The median over rounds of `side`'s CPU per echo relative to `to`'s in the same round. */
const cpuRatio = (rounds: Record<Side, Round[]>, side: Side, to: Side) => median(rounds[side].map((round, index) => round.cpuPerEcho / rounds[to][index]!.cpuPerEcho));

export async function benchTapEcho(sizes: Sizes['echo']): Promise<Row[]> {
  const rows: Row[] = [];
  const rates: Record<string, number> = {};
  const cpuOff: Record<string, number> = {};
  for (const { transport, captureKind, sides } of transports) {
    // Every round starts its own servers, like a benchmark harness's forks. How well the JIT fits a
    // server's code to its traffic is settled early and differs from one process to the next: with one
    // set of servers for all rounds (and the raw ws rounds before the Socket.IO ones), the same code gave
    // Socket.IO ratios of 0.900–0.910 in three runs and 0.727–0.807 in three others, most rounds of a run
    // alike, and raw ws 0.85 or 0.95. The median of rounds on fresh processes is the typical process.
    const { rounds, problem } = await measureRounds(sides, transport, captureKind, sizes);
    const cpu = (side: Side) => median(rounds[side].map((round) => round.cpuPerEcho));
    const rate = (side: Side) => median(rounds[side].map((round) => round.messagesPerSecond));
    const how = `median of ${sizes.rounds} × ${sizes.roundMs} ms rounds, each on freshly started servers, ${sizes.connections} connections × ${sizes.window} in flight`;
    const perRound = (side: Side) => `${how}; per round ${rounds[side].map((round) => (round.cpuPerEcho * 1e6).toFixed(2)).join(', ')} µs at server CPU ${percent(rounds[side])}`;
    rates[transport] = rate('on');
    cpuOff[transport] = cpu('off');
    rows.push(measured(`tap.${transport}_echo_cpu_us_tap_off`, cpu('off') * 1e6, 'µs', null, perRound('off')));
    rows.push(measured(`tap.${transport}_echo_cpu_us_tap_on`, cpu('on') * 1e6, 'µs', null, perRound('on')));
    if (problem) {
      rows.push(unmeasured(`tap.${transport}_echo_cpu_ratio`, 'ratio', tapBudget, `${problem}; both servers ran untapped, so on/off measures nothing`));
    } else {
      const pairs = rounds.on.map((round, index) => (rounds.off[index]!.cpuPerEcho / round.cpuPerEcho).toFixed(3)).join(', ');
      rows.push(measured(`tap.${transport}_echo_cpu_ratio`, cpuRatio(rounds, 'off', 'on'), 'ratio', tapBudget, `server CPU per echo, off ÷ on, median of the rounds' ratios: ${pairs} (medians ${microseconds(cpu('off'))} ÷ ${microseconds(cpu('on'))})`));
    }
    rows.push(measured(`tap.${transport}_echo_msgs_per_s_tap_off`, rate('off'), 'msg/s', null, how));
    rows.push(measured(`tap.${transport}_echo_msgs_per_s_tap_on`, rate('on'), 'msg/s', null, how));
    const paired = rounds.on.map((round, index) => round.messagesPerSecond / rounds.off[index]!.messagesPerSecond);
    rows.push(measured(`tap.${transport}_echo_throughput_ratio`, median(paired), 'ratio', null, `on ÷ off, median of the rounds' ratios (${paired.map((ratio) => ratio.toFixed(3)).join(', ')}); near 1 when the client, not the server, sets the pace`));
    if (transport === 'ws') {
      rows.push(measured('peer.bare_ws_echo_cpu_us', cpu('bare') * 1e6, 'µs', null, `a bare \`ws\` echo server (no Express, no Socket.IO, no tap), same load; ${perRound('bare')}`));
      rows.push(measured('peer.bare_vs_loopwire_tap_off_cpu_ratio', cpuRatio(rounds, 'bare', 'off'), 'ratio', null, 'CPU per echo, bare ws ÷ Loopwire /ws with TAP=off (median of the rounds\' ratios): what the rest of the server costs per echo'));
      rows.push(measured('peer.bare_vs_loopwire_tap_on_cpu_ratio', cpuRatio(rounds, 'bare', 'on'), 'ratio', null, 'CPU per echo, bare ws ÷ Loopwire /ws with TAP=on (median of the rounds\' ratios): the server and its tap together'));
    }
  }
  rows.push(
    measured('tap.ws_vs_socketio_echo_ratio', rates.ws! / rates.socketio!, 'ratio', null, `raw ws echoes per Socket.IO ack-echo, tap on; server CPU per echo (tap off): ws ${microseconds(cpuOff.ws!)}, Socket.IO ${microseconds(cpuOff.socketio!)}`),
  );
  return rows;
}

/**
 * The tap floor: what the tap costs before it keeps anything. Off, the two probes and TAP=on side by side
 * in every round (fresh servers, as above): off ÷ each, the median of the rounds' ratios. Informative: it
 * says how much of the tap's cost is being in the path, how much finding the frames, and how much keeping them.
 */
export async function benchTapFloor(sizes: Sizes['echo']): Promise<Row[]> {
  const rows: Row[] = [];
  const sides: readonly Side[] = ['off', 'hooks', 'found', 'on'];
  for (const { transport, captureKind } of transports) {
    const { rounds, problem } = await measureRounds(sides, transport, captureKind, sizes);
    const how = `off ÷ this, server CPU per echo, median of ${sizes.rounds} rounds' ratios, off, both probes and TAP=on side by side on fresh servers`;
    const ratios = (side: Side) => rounds[side].map((round, index) => (rounds.off[index]!.cpuPerEcho / round.cpuPerEcho).toFixed(3)).join(', ');
    const row = (name: string, side: Side, what: string): Row =>
      problem
        ? unmeasured(`floor.${transport}_${name}_cpu_ratio`, 'ratio', null, `${problem}, so these servers do not stand for the parts of the tap they are named for`)
        : measured(`floor.${transport}_${name}_cpu_ratio`, cpuRatio(rounds, 'off', side), 'ratio', null, `${what}; ${how}: ${ratios(side)}`);
    rows.push(row('hooks_only', 'hooks', 'TAP=on, every chunk handed to its frame stream, which only counts its bytes'));
    rows.push(row('frames_found', 'found', 'TAP=on, every frame found and its time read, none kept'));
    rows.push(row('full', 'on', 'TAP=on as shipped, in the same rounds'));
  }
  return rows;
}
