// Mocha's browser build (no Node in the web worker extension host), set up before any test file is read:
// the test files call describe/it as they load.
import 'mocha/mocha.js';
import { SUITE_TAG, TaggedReporter } from './taggedReporter';

// What tests print themselves (a measured figure) is tagged like the reporter's lines.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(SUITE_TAG + args.map(String).join(' '));
mocha.setup({ ui: 'bdd', timeout: 20_000, reporter: TaggedReporter as unknown as Mocha.ReporterConstructor });
