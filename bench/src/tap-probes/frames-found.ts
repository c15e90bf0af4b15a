// Tap floor probe "frames found": the tap does everything it does with TAP=on — finds every frame, reads
// the clock for it — except keep it: the capture's frame log takes nothing.

import { serverModule } from './server-module.js';

const { FrameLog } = await serverModule<{ FrameLog: { prototype: { add(...args: unknown[]): void } } }>('tap/capture-record.js');

FrameLog.prototype.add = function add(): void {};
