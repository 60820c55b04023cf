// The integration test files the browser suite (index.ts) does not run, and why. A unit test
// (test/unit/webSuite.test.ts) checks that every file of test/integration/ is either run there or named here.
export const LEFT_OUT: Readonly<Record<string, string>> = {
  'activation.test.ts': 'reads this run\'s copy by its path on disk (Node\'s path, process.env); browserHost.test.ts checks activation instead',
  'report.test.ts': 'writes the report into the temp folder with Node\'s os and path; browserHost.test.ts exports it into the workspace instead',
  'impact.test.ts': 'expects git\'s answer; in the browser there is no git, and browserHost.test.ts checks that the impact says it needs a local clone',
  'suspects.test.ts': 'expects git\'s answer; browserHost.test.ts checks that unchecked statuses are said',
  'flags.links.test.ts': 'makes symbolic links with Node\'s fs',
  'hostile.test.ts': 'makes hostile files and runs git with Node\'s fs and child_process',
  'store.guard.test.ts': 'runs git with Node\'s child_process',
  'tagIndex.test.ts': 'writes many files and links with Node\'s fs',
  'views.trees.test.ts': 'writes a file outside the workspace with Node\'s fs and os',
};
