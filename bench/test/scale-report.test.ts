import { describe, expect, it } from 'vitest';
import { fanoutRows, healthRows, parseScaleFrame, scaleSetups, type HealthRun } from '../src/benchmarks/scale-fanout-report.js';

describe('the scale benchmarks’ frames', () => {
  it('reads the lab cluster’s Engine.IO frames: ping, open, hello with the pid, a broadcast with its id and send time', () => {
    expect(parseScaleFrame('2')).toEqual({ kind: 'ping' });
    expect(parseScaleFrame('0{"sid":"abc","upgrades":[],"pingInterval":25000}')).toEqual({ kind: 'open' });
    expect(parseScaleFrame('42["scale:hello",{"pid":4242,"workerId":1,"adapter":"cluster"}]')).toEqual({ kind: 'hello', pid: 4242 });
    expect(parseScaleFrame('42["scale:message",{"id":"bench-x-1","sentAt":1700000000000.5,"fromPid":1}]')).toEqual({
      kind: 'message',
      id: 'bench-x-1',
      sentAt: 1700000000000.5,
    });
  });

  it('leaves anything else alone: the connect answer, other events, malformed fields', () => {
    expect(parseScaleFrame('40{"sid":"xyz"}')).toEqual({ kind: 'other' });
    expect(parseScaleFrame('42["scale:message",{"id":7,"sentAt":1}]')).toEqual({ kind: 'other' });
    expect(parseScaleFrame('42["something",{}]')).toEqual({ kind: 'other' });
    expect(parseScaleFrame('3')).toEqual({ kind: 'other' });
  });
});

describe('the scale benchmarks’ rows', () => {
  const cluster = scaleSetups.find((setup) => setup.name === '2_workers_cluster')!;

  it('reports p50, p99 and the deliveries that never came, saying how the clients were spread', () => {
    const latencies = Array.from({ length: 199 }, (_, index) => index + 1);
    const rows = fanoutRows({ setup: cluster, clients: 100, perWorker: new Map([[1, 50], [2, 50]]), broadcasts: 2, latencies });
    expect(rows.map((row) => [row.name, row.value])).toEqual([
      ['scale.fanout_p50_ms_2_workers_cluster', 100],
      ['scale.fanout_p99_ms_2_workers_cluster', 198],
      ['scale.fanout_missed_2_workers_cluster', 1],
    ]);
    expect(rows[0]!.note).toContain('2 worker processes, cluster adapter: 100 Socket.IO clients (50 + 50 per worker)');
    expect(rows[2]!.note).toBe('delivered 199 of 200');
  });

  it('leaves the latencies unmeasured when nothing arrived, and counts every delivery missed', () => {
    const rows = fanoutRows({ setup: cluster, clients: 10, perWorker: new Map([[1, 10]]), broadcasts: 3, latencies: [] });
    expect(rows.map((row) => row.value)).toEqual([null, null, 30]);
    expect(rows[0]!.note).toContain('no client received any broadcast');
  });

  it('gives requests per second per WORKERS, their ratio, and how busy the load generator was', () => {
    const run = (workers: number, requestsPerSecond: number): HealthRun => ({
      workers,
      requestsPerSecond,
      non2xx: 0,
      errors: workers === 2 ? 3 : 0,
      connections: 50,
      seconds: 10,
      clientCores: 0.8,
      pidsSeen: workers,
    });
    const rows = healthRows(run(1, 4000), run(2, 6000), 2);
    expect(rows.map((row) => [row.name, row.value])).toEqual([
      ['scale.health_req_per_s_workers_1', 4000],
      ['scale.health_req_per_s_workers_2', 6000],
      ['scale.health_req_per_s_ratio_2_vs_1', 1.5],
    ]);
    expect(rows[0]!.note).toContain("by autocannon in the bench's own process, which used 0.80 of the machine's 2 cores");
    expect(rows[1]!.note).toContain('WORKERS=2 (2 pids answered)');
    expect(rows[1]!.note).toContain('3 errors');
  });
});
