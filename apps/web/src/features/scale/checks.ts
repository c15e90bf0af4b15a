// Live checks for lesson 13: each reads what the lab cluster's own workers recorded of the
// learner's exchanges (their taps, or the count a blocked worker made, scoped to the learner's sid),
// so only a real run passes.

import type { ScaleCapturesResponse, ScaleLatestBlock } from '@loopwire/contract';
import type { CheckContext, LiveCheck } from '../../lib/live/context.ts';

type ScaleCheckId = 'scale-worker-pid' | 'scale-session-unknown-status' | 'scale-broadcast-receivers' | 'scale-noisy-neighbour-stalled';
type ClusterCapture = ScaleCapturesResponse['captures'][number];

async function clusterCaptures(ctx: CheckContext): Promise<ClusterCapture[]> {
  const response = await ctx.fetch('/api/scale/captures');
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return ((await response.json()) as ScaleCapturesResponse).captures;
}

/** Everything the learner's Socket.IO sessions carried, with the Engine.IO session it belongs to. */
function texts(capture: ClusterCapture): { fromServer: string[]; fromClient: string[]; session: string } {
  // A WebSocket-only session has no sid in its URL: its one connection is the session.
  const session = new URLSearchParams(capture.url.split('?')[1] ?? '').get('sid') ?? `${capture.workerPid}/${capture.id}`;
  return {
    session,
    fromServer: [capture.responseBody?.preview ?? '', ...capture.frames.filter((frame) => frame.direction === 'server').map((frame) => frame.payloadPreview)],
    fromClient: [capture.requestBody.preview, ...capture.frames.filter((frame) => frame.direction === 'client').map((frame) => frame.payloadPreview)],
  };
}

const broadcastId = /"scale:broadcast",\{"id":"(b-(\d+)-[a-z0-9]+)"/g;

/** The newest broadcast the learner sent (ids carry their start time), and the sessions that received it. */
export function latestBroadcastReceivers(captures: ClusterCapture[]): { id: string; receivers: number } | null {
  const sent = captures
    .flatMap((capture) => texts(capture).fromClient)
    .flatMap((text) => [...text.matchAll(broadcastId)])
    .map((match) => ({ id: match[1]!, at: Number(match[2]) }))
    .sort((a, b) => b.at - a.at);
  const latest = sent[0];
  if (!latest) return null;
  const delivered = `"scale:message",{"id":"${latest.id}"`;
  const sessions = new Set(
    captures
      .map(texts)
      .filter(({ fromServer }) => fromServer.some((text) => text.includes(delivered)))
      .map(({ session }) => session),
  );
  return { id: latest.id, receivers: sessions.size };
}

/** The learner's own newest block (experiment 6), as the blocked worker counted it. */
async function latestBlock(ctx: CheckContext): Promise<ScaleLatestBlock['latest']> {
  const response = await ctx.fetch('/api/scale/blocks/latest');
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return ((await response.json()) as ScaleLatestBlock).latest;
}

export const scaleChecks: Record<ScaleCheckId, LiveCheck> = {
  async 'scale-worker-pid'(answer, ctx) {
    const pid = Number(answer.trim());
    const served = new Set((await clusterCaptures(ctx)).map((capture) => capture.workerPid));
    if (served.size === 0) return { pass: false, message: 'No client of yours has reached the cluster yet: start it in the lab first.' };
    return Number.isInteger(pid) && served.has(pid)
      ? { pass: true, message: `Right: worker ${pid} answered your clients' requests (its own tap recorded them).` }
      : { pass: false, message: `No worker with pid ${answer.trim()} served you. Read “worker pid” on one of the six clients.` };
  },
  async 'scale-session-unknown-status'(answer, ctx) {
    const refused = (await clusterCaptures(ctx)).find((capture) => capture.status === 400 && capture.responseBody?.preview.includes('Session ID unknown'));
    if (!refused) return { pass: false, message: 'None of your requests was refused yet: start the cluster with 2 workers, round-robin, polling first.' };
    return answer.trim() === String(refused.status)
      ? { pass: true, message: `Right: worker ${refused.workerPid} had never seen that session and answered ${refused.status} {"code":1,"message":"Session ID unknown"}.` }
      : { pass: false, message: 'Not that status. Read the cluster’s captures and look at the refused request’s status line.' };
  },
  async 'scale-broadcast-receivers'(answer, ctx) {
    const latest = latestBroadcastReceivers(await clusterCaptures(ctx));
    if (!latest) return { pass: false, message: 'No broadcast of yours reached the cluster yet: press “Broadcast from client 1”.' };
    return answer.trim() === String(latest.receivers)
      ? { pass: true, message: `Right: ${latest.receivers} of your clients' sessions received broadcast ${latest.id}, as the workers' taps recorded.` }
      : { pass: false, message: 'Not what the workers recorded for your latest broadcast. Count the clients that received it (the others are drawn in red).' };
  },
  async 'scale-noisy-neighbour-stalled'(answer, ctx) {
    const block = await latestBlock(ctx);
    if (!block) return { pass: false, message: 'You have not blocked a worker yet: run experiment 6 in the lab.' };
    return answer.trim() === String(block.yourClients)
      ? { pass: true, message: `Right: worker ${block.pid} held ${block.yourClients} of your clients when it blocked; they waited while the others kept answering.` }
      : { pass: false, message: `Not what worker ${block.pid} counted. Count the clients marked “stalled” in experiment 6 (the ones on pid ${block.pid}).` };
  },
};
