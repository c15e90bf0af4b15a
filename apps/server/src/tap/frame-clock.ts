// The time frames are stamped with: the clock is read once per run of JavaScript (a TCP read and the
// writes it causes before the next microtask checkpoint), not once per frame — on this kind of machine a
// clock read costs about as much as recording a frame. Frames recorded in one run share its first time.

let cached = 0;
const forget = () => {
  cached = 0;
};
// A reaction on a settled promise is the cheapest microtask: Node's queueMicrotask makes an async
// resource and a bound function for each call.
const settled = Promise.resolve();

export function frameClock(): number {
  if (cached === 0) {
    cached = Date.now();
    void settled.then(forget);
  }
  return cached;
}
