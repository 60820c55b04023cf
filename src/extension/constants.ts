// Every id the extension shares with package.json lives here, once: command ids, view ids, context keys,
// setting names. package.json must use the same strings (a unit test compares them).

export const EXTENSION_ID = 'truthline.truthline';
export const ALIGNMENT_FOLDER = '.alignment';

export const Commands = {
  initialize: 'truthline.initialize',
  refresh: 'truthline.refresh',
  raiseFlag: 'truthline.raiseFlag',
  acknowledgeFlag: 'truthline.acknowledgeFlag',
  resolveFlag: 'truthline.resolveFlag',
  reopenFlag: 'truthline.reopenFlag',
  reanchorFlag: 'truthline.reanchorFlag',
  setAssumptionStatus: 'truthline.setAssumptionStatus',
  setGateCall: 'truthline.setGateCall',
  /** Hidden, returns data: where a flag's anchored code is now (argument: the flag id, or { id }). */
  flagAnchor: 'truthline.flagAnchor',
} as const;

export const Views = {
  container: 'truthline',
  currentFeature: 'truthline.currentFeature',
  allFeatures: 'truthline.allFeatures',
} as const;

export const ContextKeys = {
  hasAlignment: 'truthline:hasAlignment',
  /** True while some open flag's anchored code is gone: the editor menu then offers to re-anchor. */
  hasDriftedFlags: 'truthline:hasDriftedFlags',
} as const;

export const Settings = {
  section: 'truthline',
  author: 'truthline.author',
} as const;
