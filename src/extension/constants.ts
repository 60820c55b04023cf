// Every id the extension shares with package.json lives here, once: command ids, view ids, context keys,
// setting names. package.json must use the same strings (a unit test compares them).

export const EXTENSION_ID = 'truthline.truthline';
export const ALIGNMENT_FOLDER = '.alignment';

export const Commands = {
  initialize: 'truthline.initialize',
  refresh: 'truthline.refresh',
} as const;

export const Views = {
  container: 'truthline',
  currentFeature: 'truthline.currentFeature',
  allFeatures: 'truthline.allFeatures',
} as const;

export const ContextKeys = {
  hasAlignment: 'truthline:hasAlignment',
} as const;

export const Settings = {
  section: 'truthline',
} as const;
