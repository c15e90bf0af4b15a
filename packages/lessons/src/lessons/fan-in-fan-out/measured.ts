// Written by `node bench/dist/main.js --readme` from bench/results.json (the committed run); do not edit.
// Broadcast latency against the number of devices on one server, in milliseconds: what lesson 12 shows.

export const measuredFanout = {
  mode: 'full',
  measuredAt: '2026-12-02T14:29:16.421Z',
  machine: '2 × Intel(R) Xeon(R) Processor, Node v20.20.2',
  points: [
    { devices: 1000, p50: 15.3, p99: 33.5, allAcked: 40.4, missed: 0 },
    { devices: 2000, p50: 25.8, p99: 56.2, allAcked: 74.3, missed: 0 },
    { devices: 5000, p50: 52.8, p99: 112.7, allAcked: 176.7, missed: 0 },
    { devices: 10000, p50: 114.9, p99: 243.7, allAcked: 378.4, missed: 0 },
  ],
} as const;
