// The time frames are stamped with: the clock is read once per run of JavaScript (a TCP read and the
// writes it causes before the next microtask checkpoint), not once per frame — on this kind of machine a
// clock read costs about as much as recording a frame. Frames recorded in one run share its first time.

let cached = 0;
const forget = () => {
  cached = 0;
};

export function frameClock(): number {
  if (cached === 0) {
    cached = Date.now();
    queueMicrotask(forget);
  }
  return cached;
}
