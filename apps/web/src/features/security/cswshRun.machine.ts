// One run of the CSWSH demo: the foreign page (framed on a second origin) tries each target and
// reports by postMessage; a refused handshake's status is hidden from scripts, so each refusal is
// looked up on the server. idle → running → done (all targets answered, or the deadline passed).

import { assign, fromCallback, setup } from 'xstate';
import type { HandshakeOutcome } from '@loopwire/contract';

export interface ForeignReport {
  id: string;
  path: string;
  attempt: string;
  opened: boolean;
  firstMessage: string | null;
}

export interface TargetResult extends ForeignReport {
  /** The server's answer to a refused handshake (403…), or null if it opened or is unknown. */
  status: number | null;
  reason: string | null;
}

export type CswshEvent =
  | { type: 'RUN'; runId: string }
  | { type: 'RESULT'; result: TargetResult }
  | { type: 'TIMEOUT' };

export interface CswshContext {
  expectedTargets: number;
  foreignOrigin: string;
  runId: string | null;
  results: TargetResult[];
}

export interface ListenInput {
  foreignOrigin: string;
  runId: string;
  lookup: (attempt: string) => Promise<HandshakeOutcome | null>;
}

/** Listens for the framed page's reports (only from its origin and this run) and resolves statuses. */
export const foreignReports = fromCallback<CswshEvent, ListenInput>(({ input, sendBack }) => {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as (ForeignReport & { type?: string; run?: string }) | null;
    if (event.origin !== input.foreignOrigin || data?.type !== 'loopwire:cswsh' || data.run !== input.runId) return;
    const report: ForeignReport = { id: data.id, path: data.path, attempt: data.attempt, opened: data.opened, firstMessage: data.firstMessage };
    if (report.opened) {
      sendBack({ type: 'RESULT', result: { ...report, status: null, reason: null } });
      return;
    }
    void input
      .lookup(report.attempt)
      .catch(() => null)
      .then((outcome) => sendBack({ type: 'RESULT', result: { ...report, status: outcome?.status ?? null, reason: outcome?.reason ?? null } }));
  };
  window.addEventListener('message', onMessage);
  const deadline = setTimeout(() => sendBack({ type: 'TIMEOUT' }), 10_000);
  return () => {
    window.removeEventListener('message', onMessage);
    clearTimeout(deadline);
  };
});

export const cswshRunMachine = setup({
  types: {
    context: {} as CswshContext,
    events: {} as CswshEvent,
    input: {} as { foreignOrigin: string; expectedTargets: number },
  },
  actors: {
    foreignReports,
  },
  actions: {
    startRun: assign(({ event }) => (event.type === 'RUN' ? { runId: event.runId, results: [] } : {})),
    addResult: assign(({ context, event }) =>
      event.type === 'RESULT' ? { results: [...context.results.filter((r) => r.id !== event.result.id), event.result] } : {},
    ),
  },
  guards: {
    allAnswered: ({ context }) => context.results.length >= context.expectedTargets,
  },
}).createMachine({
  id: 'cswshRun',
  context: ({ input }) => ({ ...input, runId: null, results: [] }),
  initial: 'idle',
  states: {
    idle: { on: { RUN: { target: 'running', actions: 'startRun' } } },
    running: {
      invoke: {
        src: 'foreignReports',
        input: ({ context }) => ({
          foreignOrigin: context.foreignOrigin,
          runId: context.runId ?? '',
          lookup: async (attempt: string) => {
            const response = await fetch(`/api/security/attempts/${encodeURIComponent(attempt)}`);
            return response.ok ? ((await response.json()) as HandshakeOutcome) : null;
          },
        }),
      },
      on: {
        RESULT: { actions: 'addResult' },
        TIMEOUT: 'done',
      },
      always: { guard: 'allAnswered', target: 'done' },
    },
    done: { on: { RUN: { target: 'running', actions: 'startRun' } } },
  },
});
