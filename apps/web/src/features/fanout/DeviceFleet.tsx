// The IoT fleet: start N simulated devices (real Socket.IO clients in a child process of the
// server), see the list the server keeps after each registers, and command one device or a room.

import { useState } from 'react';
import type { BroadcastStarted, CommandResult, SimulatorStatus } from '@loopwire/contract';
import { requestJson } from '../../lib/api.ts';
import { waitForBroadcast } from './api.ts';
import { useFleet } from './useFleet.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import '../../design/lab-panels.css';

export default function DeviceFleet() {
  const { fleet, error, refresh } = useFleet();
  const [count, setCount] = useState(50);
  const [target, setTarget] = useState('');
  const [room, setRoom] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const note = (line: string) => setLog((lines) => [line, ...lines].slice(0, 8));

  async function act(action: () => Promise<void>) {
    setProblem(null);
    try {
      await action();
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  }

  const start = () =>
    act(async () => {
      await requestJson<SimulatorStatus>('/api/devices/simulator', { method: 'POST', body: { count } });
      note(`Asked the server to start ${count} simulated devices.`);
    });
  const stop = () =>
    act(async () => {
      await requestJson<SimulatorStatus>('/api/devices/simulator', { method: 'DELETE' });
      note('Stopped the simulator (its process group was killed).');
      refresh();
    });
  const commandOne = () =>
    act(async () => {
      const result = await requestJson<CommandResult>(`/api/devices/${encodeURIComponent(target)}/command`, {
        method: 'POST',
        body: { payload: { action: 'report-position' } },
      });
      note(`${result.deviceId} acked in ${result.roundTripMs.toFixed(1)} ms: ${JSON.stringify(result.ack)}`);
    });
  const commandRoom = () =>
    act(async () => {
      const started = await requestJson<BroadcastStarted>('/api/devices/broadcast', {
        method: 'POST',
        body: { payload: { action: 'lock-doors' }, ...(room ? { room } : {}) },
      });
      note(`Sent to ${room || 'all devices'}: ${started.recipients} recipients; collecting acks…`);
      const result = await waitForBroadcast(started.id);
      note(`${room || 'All devices'}: ${result.acked} of ${result.recipients} acked within ${result.allAckedMs?.toFixed(1) ?? '?'} ms.`);
    });

  const devices = fleet?.devices ?? [];
  const rooms = Object.entries(fleet?.rooms ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <figure className="widget" aria-label="Device fleet">
      <div className="widget__bar">
        <strong className="widget__title">Device fleet</strong>
        <span className="widget__caption" data-testid="fleet-count">
          {fleet ? `${fleet.count} devices registered` : 'Loading…'}
        </span>
      </div>
      <div className="lab-row">
        <label htmlFor="fleet-size">Simulated devices (1–1000)</label>
        <input
          id="fleet-size"
          className="input"
          type="number"
          min={1}
          max={1000}
          value={count}
          onChange={(event) => setCount(Math.max(1, Math.min(1000, Number(event.target.value) || 1)))}
        />
        <button type="button" className="button button--primary" onClick={() => void start()}>
          Start fleet
        </button>
        <button type="button" className="button" disabled={!fleet?.simulator.running} onClick={() => void stop()}>
          Stop
        </button>
      </div>
      <WidgetError>{problem ?? error}</WidgetError>
      {fleet?.simulator.lastError ? <p className="widget__error">A simulated device reported: {fleet.simulator.lastError}</p> : null}
      <div className="lab-grid">
        <section className="lab-panel" aria-label="Command one device">
          <h3>One device</h3>
          <div className="lab-row">
            <label htmlFor="fleet-device">Device</label>
            <select id="fleet-device" className="input" value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">choose…</option>
              {devices.map((device) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.deviceId}
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={!target} onClick={() => void commandOne()}>
              Send command
            </button>
          </div>
        </section>
        <section className="lab-panel" aria-label="Command a room">
          <h3>A room, or everyone</h3>
          <div className="lab-row">
            <label htmlFor="fleet-room">Room</label>
            <select id="fleet-room" className="input" value={room} onChange={(event) => setRoom(event.target.value)}>
              <option value="">all devices</option>
              {rooms.map(([name, members]) => (
                <option key={name} value={name}>
                  {name} ({members})
                </option>
              ))}
            </select>
            <button type="button" className="button" disabled={!fleet?.count} onClick={() => void commandRoom()}>
              Send command
            </button>
          </div>
        </section>
      </div>
      {log.length > 0 ? (
        <ul className="lab-log" aria-live="polite">
          {log.map((line, index) => (
            <li key={`${index}-${line}`}>{line}</li>
          ))}
        </ul>
      ) : null}
      {devices.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="fleet-devices">
            <caption className="widget__caption">
              The server’s list (first {devices.length} of {fleet?.count})
            </caption>
            <thead>
              <tr>
                <th scope="col">device id</th>
                <th scope="col">capabilities</th>
                <th scope="col">rooms</th>
                <th scope="col">registered</th>
              </tr>
            </thead>
            <tbody>
              {devices.slice(0, 12).map((device) => (
                <tr key={device.deviceId}>
                  <td className="mono">{device.deviceId}</td>
                  <td>{device.capabilities.join(', ')}</td>
                  <td className="mono">{device.rooms.join(' ')}</td>
                  <td>{new Date(device.connectedAt).toLocaleTimeString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <figcaption className="widget__caption">
        Each device connects to namespace <code>/devices</code> with <code>auth: {'{deviceId, capabilities}'}</code>;
        the server validates it, keeps it on its list and puts it in rooms by zone and capability. Devices call in; the
        server never dials out.
      </figcaption>
    </figure>
  );
}
