// The public surface of core: pure functions from text to data and problems. Never imports vscode.
export * from './alignment';
export * from './applies';
export * from './edits';
export * from './globs';
export * from './itemReferences';
export * from './itemSummary';
export * from './lenses';
export * from './load';
export * from './model';
export * from './pathIndex';
export * from './problems';
export * from './reality';
export * from './repoPath';
export * from './schemas';
export * from './tags';
