// The bench's side of a worker thread of load-generating clients (fanout-clients.ts,
// scale-fanout-clients.ts): one message in, one out, in order; `report` asks for the deliveries seen.

import { Worker } from 'node:worker_threads';

/** What every clients thread may answer besides its own `ready`. */
export type ClientsThreadAnswer =
  | { type: 'error'; message: string }
  | { type: 'report'; deliveries: [broadcastId: string, latencyMs: number][] };

export type ToClientsThread = { type: 'report' } | { type: 'close' };

export class ClientsThread<Ready extends { type: 'ready' }> {
  private readonly worker: Worker;
  private readonly messages: (Ready | ClientsThreadAnswer)[] = [];
  private waiting: ((message: Ready | ClientsThreadAnswer) => void) | null = null;

  /** `name` says whose silence a timeout reports. */
  constructor(script: URL, workerData: unknown, private readonly name: string) {
    this.worker = new Worker(script, { workerData });
    this.worker.on('message', (message: Ready | ClientsThreadAnswer) => this.deliver(message));
    this.worker.on('error', (error) => this.deliver({ type: 'error', message: error.message }));
  }

  next(timeoutMs: number): Promise<Ready | ClientsThreadAnswer> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} silent for ${timeoutMs} ms`)), timeoutMs);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  send(message: ToClientsThread): void {
    this.worker.postMessage(message);
  }

  /** Every delivery the thread has seen so far. */
  async deliveries(): Promise<[broadcastId: string, latencyMs: number][]> {
    this.send({ type: 'report' });
    const message = await this.next(30_000);
    if (message.type !== 'report') throw new Error(message.type === 'error' ? message.message : 'unexpected message');
    return message.deliveries;
  }

  async close(): Promise<void> {
    this.send({ type: 'close' });
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private deliver(message: Ready | ClientsThreadAnswer): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(message);
    else this.messages.push(message);
  }
}
