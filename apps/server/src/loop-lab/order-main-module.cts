// Runs as the main module of a fresh Node process for the ordering experiment "setTimeout(0) vs
// setImmediate in the main module": calls it from the top level, prints the labels in the order they ran.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS main module (verbatimModuleSyntax keeps `import` out of .cts)
import experiment = require('./order-main-experiment.cjs');

const observed: string[] = [];
experiment((label) => {
  observed.push(label);
  if (observed.length === 2) process.stdout.write(JSON.stringify(observed));
});
