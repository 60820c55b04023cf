// Integration tests wait on conditions, never on fixed sleeps: the extension host answers at its own pace.
// Every wait goes through these three, shared with the UI tests (test/harness/waiting.ts):
//   waitFor(what, read, done)     reads until `done` accepts the value, and returns it;
//   waitUntil(what, condition)    the same for a plain condition;
//   holdsFor(what, condition, ms) a negative wait: it stays true that long (nothing comes back, nothing opens).
// Each fails with a message naming what was awaited.
export { holdsFor, waitFor, waitUntil, type WaitOptions } from '../harness/waiting';
