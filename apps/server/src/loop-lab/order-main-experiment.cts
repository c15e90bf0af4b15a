// "setTimeout(0) vs setImmediate in the main module", written as the page shows it. CommonJS, as in
// the Node docs' example: order-main-module.cts calls it from its top level in a fresh Node process.

const timeoutVsImmediateMain = (log: (label: string) => void): void => {
  setTimeout(() => log('timeout'), 0);
  setImmediate(() => log('immediate'));
};

export = timeoutVsImmediateMain;
