// The browser build's stand-in for localGit.ts (scripts/webBundle.mjs swaps it in): no git can run in the
// web worker extension host, so every git-based feature says it needs a local clone (see whyNoGit).
import type * as nodeSide from './localGit';

export const localGit: typeof nodeSide.localGit = undefined;
