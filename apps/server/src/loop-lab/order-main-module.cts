// Runs as the main module of a fresh Node process (CommonJS, as in the Node docs' example) for the
// ordering experiment "setTimeout(0) vs setImmediate in the main module"; prints what ran, in order.

const observed: { label: string; kind: string; phase: string }[] = [];
const log = (label: string, kind: string, phase: string) => {
  observed.push({ label, kind, phase });
  if (observed.length === 2) process.stdout.write(JSON.stringify(observed));
};

setTimeout(() => log('timeout', 'timeout', 'timers'), 0);
setImmediate(() => log('immediate', 'immediate', 'check'));
