// Splits one direction of a TCP connection into HTTP/1.1 messages (RFC 9112 §6): head, body framed by
// Content-Length or chunked coding, then the next message (keep-alive) — or raw bytes after a 101.
// It only finds boundaries: bytes are never copied except a partial head or chunk-size line.

export type BodyFraming =
  | { kind: 'none' }
  | { kind: 'length'; length: number }
  | { kind: 'chunked' }
  | { kind: 'until-close' }
  /** An upgrade request: what follows waits until the other side answers (101 → raw, else HTTP). */
  | { kind: 'hold' }
  /** A 101 response: everything after the head is the new protocol. */
  | { kind: 'switch' };

export interface SplitterHandlers {
  /** A whole head, through the blank line; says how the body that follows is framed. */
  head(head: Buffer): BodyFraming;
  /** Body content (chunked framing removed). */
  body(bytes: Buffer): void;
  /** The message is complete. */
  end(): void;
  /** Bytes of the current message consumed (head, body and framing): for wire totals. */
  wire(count: number): void;
  /** Bytes after the switch to another protocol. */
  raw(bytes: Buffer): void;
  /** The stream is not HTTP we can follow (a head over the limit, a bad chunk size): stop parsing. */
  lost(reason: string): void;
}

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-crlf' | 'trailer' | 'until-close' | 'hold' | 'raw' | 'lost';

/** Node refuses heads over 16 KiB with 431; this only bounds what we hold while looking for the end. */
const maxHeadBytes = 64 * 1024;
const maxLineBytes = 4096;
const maxHeldBytes = 64 * 1024;

export class HttpMessageSplitter {
  readonly #on: SplitterHandlers;
  #state: State = 'head';
  #pending: Buffer | null = null;
  #remaining = 0;
  #held: Buffer[] = [];
  #heldBytes = 0;

  constructor(handlers: SplitterHandlers) {
    this.#on = handlers;
  }

  /** Bytes of a head still incomplete (garbage a server answered with 400, for instance). */
  get partialHead(): Buffer | null {
    return this.#state === 'head' ? this.#pending : null;
  }

  get isRaw(): boolean {
    return this.#state === 'raw';
  }

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      switch (this.#state) {
        case 'head':
          data = this.#readHead(data);
          break;
        case 'length':
          data = this.#readCounted(data, true);
          if (this.#remaining === 0) this.#endMessage();
          break;
        case 'chunk-data':
          data = this.#readCounted(data, true);
          if (this.#remaining === 0) {
            this.#state = 'chunk-crlf';
            this.#remaining = 2;
          }
          break;
        case 'chunk-crlf':
          data = this.#readCounted(data, false);
          if (this.#remaining === 0) this.#state = 'chunk-size';
          break;
        case 'chunk-size':
        case 'trailer':
          data = this.#readLine(data);
          break;
        case 'until-close':
          this.#on.body(data);
          this.#on.wire(data.length);
          return;
        case 'hold':
          this.#hold(data);
          return;
        case 'raw':
          this.#on.raw(data);
          return;
        case 'lost':
          this.#on.wire(data.length);
          return;
      }
    }
  }

  /** The other side accepted an upgrade: bytes held so far, and all that follow, are the new protocol. */
  switchToRaw(): void {
    this.#state = 'raw';
    const held = this.#held;
    this.#held = [];
    this.#heldBytes = 0;
    for (const bytes of held) this.#on.raw(bytes);
  }

  /** The other side refused an upgrade: carry on with HTTP. */
  resume(): void {
    if (this.#state !== 'hold') return;
    this.#state = 'head';
    const held = this.#held;
    this.#held = [];
    this.#heldBytes = 0;
    for (const bytes of held) this.push(bytes);
  }

  #hold(data: Buffer): void {
    if (this.#heldBytes + data.length > maxHeldBytes) {
      this.#lose('more than 64 KiB sent before the upgrade was answered');
      this.#on.wire(data.length);
      return;
    }
    this.#held.push(Buffer.from(data));
    this.#heldBytes += data.length;
  }

  #lose(reason: string): void {
    this.#state = 'lost';
    this.#pending = null;
    this.#held = [];
    this.#on.lost(reason);
  }

  #readHead(data: Buffer): Buffer {
    const pending = this.#pending;
    const joined = pending ? Buffer.concat([pending, data]) : data;
    // Resume the search just before the old end: the blank line may straddle two reads.
    const end = joined.indexOf('\r\n\r\n', pending ? Math.max(0, pending.length - 3) : 0, 'latin1');
    if (end === -1) {
      if (joined.length > maxHeadBytes) {
        this.#lose('a head over 64 KiB');
        this.#on.wire(joined.length);
      } else {
        // Copy: the reader may reuse `data`'s memory once this call returns.
        this.#pending = pending ? joined : Buffer.from(data);
      }
      return Buffer.alloc(0);
    }
    this.#pending = null;
    const headLength = end + 4;
    const framing = this.#on.head(joined.subarray(0, headLength));
    this.#on.wire(headLength);
    this.#startBody(framing);
    return joined.subarray(headLength);
  }

  #startBody(framing: BodyFraming): void {
    switch (framing.kind) {
      case 'none':
        this.#endMessage();
        return;
      case 'length':
        this.#state = 'length';
        this.#remaining = framing.length;
        if (framing.length === 0) this.#endMessage();
        return;
      case 'chunked':
        this.#state = 'chunk-size';
        return;
      case 'until-close':
        this.#state = 'until-close';
        return;
      case 'hold':
        this.#on.end();
        this.#state = 'hold';
        return;
      case 'switch':
        this.#on.end();
        this.#state = 'raw';
        return;
    }
  }

  #endMessage(): void {
    this.#state = 'head';
    this.#on.end();
  }

  #readCounted(data: Buffer, isBody: boolean): Buffer {
    const take = Math.min(this.#remaining, data.length);
    if (isBody) this.#on.body(data.subarray(0, take));
    this.#on.wire(take);
    this.#remaining -= take;
    return data.subarray(take);
  }

  /** A chunk-size line or a trailer line (RFC 9112 §7.1). */
  #readLine(data: Buffer): Buffer {
    const pending = this.#pending;
    const joined = pending ? Buffer.concat([pending, data]) : data;
    const end = joined.indexOf('\r\n', pending ? Math.max(0, pending.length - 1) : 0, 'latin1');
    if (end === -1) {
      if (joined.length > maxLineBytes) this.#lose('a chunk-size line over 4 KiB');
      else this.#pending = pending ? joined : Buffer.from(data);
      return Buffer.alloc(0);
    }
    this.#pending = null;
    const line = joined.toString('latin1', 0, end);
    this.#on.wire(end + 2);
    if (this.#state === 'trailer') {
      if (line === '') this.#endMessage();
      return joined.subarray(end + 2);
    }
    const size = Number.parseInt(line.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) {
      this.#lose(`a chunk size that is not hex: "${line.slice(0, 40)}"`);
      return Buffer.alloc(0);
    }
    if (size === 0) {
      this.#state = 'trailer';
    } else {
      this.#state = 'chunk-data';
      this.#remaining = size;
    }
    return joined.subarray(end + 2);
  }
}
