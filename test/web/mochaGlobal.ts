// `import Mocha from 'mocha'` in the browser bundle (scripts/buildWebSuite.mjs aliases it here): the class the
// browser build of mocha put on the global object (loaded first, by mochaSetup.ts).
import type MochaClass from 'mocha';

export default (globalThis as unknown as { Mocha: typeof MochaClass }).Mocha;
