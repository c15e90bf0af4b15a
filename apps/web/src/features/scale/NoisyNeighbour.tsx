// Experiment 6, the noisy neighbour: predict which clients stall, block one worker's loop for
// 1.5 s while all six clients ping their workers, and see each client's longest wait, measured here.

import { useState } from 'react';
import { Link } from 'react-router';
import type { ScaleBlockResult, ScaleWorker } from '@loopwire/contract';
import { useAction } from '../../lib/useAction.ts';
import { useRadioGroupName } from '../../lib/useRadioGroupName.ts';
import { WidgetError } from '../../lib/ui/WidgetError.tsx';
import { blockWorker } from './api.ts';
import type { ClientSnapshot } from './useLabClients.ts';
import { stallVerdict, type ClientWait } from './stalls.ts';

const blockMs = 1500;
/** Between one client's pings: often enough to catch the block, few enough frames to read in the inspector. */
const pingGapMs = 50;

const guesses = [
  { id: 'all', label: 'All six clients stall: it is one cluster' },
  { id: 'same-worker', label: 'Only the clients on that worker stall' },
  { id: 'none', label: 'None: the primary sends their messages to the other worker' },
] as const;
type Guess = (typeof guesses)[number]['id'];

interface Run {
  block: ScaleBlockResult;
  waits: ClientWait[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function NoisyNeighbour({ workers, snapshots, ping }: { workers: ScaleWorker[]; snapshots: ClientSnapshot[]; ping: (index: number) => Promise<number | null> }) {
  const [guess, setGuess] = useState<Guess | null>(null);
  const [chosenPid, setChosenPid] = useState<number | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const action = useAction();
  const groupName = useRadioGroupName('noisy-neighbour');
  // Default target: the worker client 1 landed on, so the grid above shows who shares it.
  const target = workers.some((worker) => worker.pid === chosenPid) ? chosenPid : (snapshots[0]?.context.pid ?? workers[0]?.pid ?? null);

  const start = (pid: number) =>
    action.run(async () => {
      setRun(null);
      const pids = snapshots.map((snapshot) => snapshot.context.pid);
      let over = false;
      // Each client pings back to back until the block is over; its longest round trip is its stall.
      const longest = async (index: number): Promise<number | null> => {
        let longestMs: number | null = null;
        while (!over) {
          const rtt = await ping(index);
          if (rtt === null) return longestMs;
          longestMs = Math.max(longestMs ?? 0, rtt);
          await pause(pingGapMs);
        }
        return longestMs;
      };
      const measuring = Promise.all(snapshots.map((_, index) => longest(index)));
      try {
        const block = await blockWorker(pid, blockMs);
        over = true;
        const longestMs = await measuring;
        setRun({ block, waits: longestMs.map((ms, index) => ({ pid: pids[index] ?? null, longestMs: ms })) });
      } finally {
        over = true;
      }
    });

  const verdict = run ? stallVerdict(run.waits, run.block.pid, blockMs) : null;
  return (
    <section className="lab-panel noisy-neighbour" aria-label="The noisy neighbour">
      <h3>Experiment 6 — the noisy neighbour</h3>
      <p>
        One worker runs a {blockMs / 1000}-second blocking job (CPU work on its only thread, like a slow handler). Meanwhile every client pings its
        worker. Predict first: which clients stall?
      </p>
      <div className="scale-guesses" role="radiogroup" aria-label="Which clients stall?">
        {guesses.map((choice) => (
          <label key={choice.id}>
            <input type="radio" name={groupName} value={choice.id} checked={guess === choice.id} disabled={action.busy} onChange={() => setGuess(choice.id)} />{' '}
            {choice.label}
          </label>
        ))}
      </div>
      <div className="lab-row">
        <label>
          Worker to block{' '}
          <select className="input" value={target ?? ''} onChange={(event) => setChosenPid(Number(event.target.value))}>
            {workers.map((worker) => (
              <option key={worker.pid} value={worker.pid}>
                pid {worker.pid}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={action.busy || guess === null || target === null} onClick={() => void start(target!)}>
          {action.busy ? 'Blocking…' : `Block it for ${blockMs / 1000} s`}
        </button>
        {guess === null ? <span className="widget__caption">Choose your prediction first.</span> : null}
      </div>
      <WidgetError>{action.error}</WidgetError>
      {run && verdict ? (
        <>
          <table className="scale-measurements" data-testid="neighbour-table">
            <caption>
              Worker pid {run.block.pid} blocked its loop for {run.block.finishedAt - run.block.startedAt} ms. Longest ping round trip per client, on
              this page’s clock:
            </caption>
            <thead>
              <tr>
                <th scope="col">client</th>
                <th scope="col">worker pid</th>
                <th scope="col">longest wait</th>
                <th scope="col">verdict</th>
              </tr>
            </thead>
            <tbody>
              {run.waits.map((wait, index) => (
                <tr key={index} data-testid={`neighbour-client-${index + 1}`} className={verdict.clients[index] === 'stalled' ? 'scale-captures__refused' : undefined}>
                  <td>Client {index + 1}</td>
                  <td data-testid="neighbour-pid">{wait.pid ?? '—'}</td>
                  <td>{wait.longestMs === null ? '—' : `${wait.longestMs.toFixed(0)} ms`}</td>
                  <td data-testid="neighbour-verdict">{verdict.clients[index]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="scale-verdict" data-testid="neighbour-summary">
            {verdict.stalled} of {run.waits.length} clients stalled
            {verdict.onlyTheBlockedWorker ? `: exactly the ones on pid ${run.block.pid}` : ''}.
            {guess === 'same-worker' ? ' As you predicted.' : ' Not what you predicted.'}
          </p>
          <p data-testid="neighbour-explain">
            Each worker is its own process with its own event loop. The blocking job froze the loop of pid {run.block.pid} only: its clients’ pings
            waited in its socket buffers until the job ended, then were all answered at once. The primary had already handed those connections to
            that worker, and a connection does not move, so nothing was sent elsewhere. The other worker’s loop kept answering: its clients’ longest waits are far shorter than the block. More
            processes contain a blocking job; they do not remove it: the neighbours on the same worker still wait, as everyone did in{' '}
            <Link to="/lessons/blocking-the-line">Blocking the line</Link>.
          </p>
        </>
      ) : null}
    </section>
  );
}
