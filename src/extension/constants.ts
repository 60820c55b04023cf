// Every id the extension shares with package.json lives here, once: command ids, view ids, context keys,
// setting names. package.json must use the same strings (a unit test compares them).

export const EXTENSION_ID = 'truthline.truthline';
export const ALIGNMENT_FOLDER = '.alignment';

export const Commands = {
  initialize: 'truthline.initialize',
  refresh: 'truthline.refresh',
  toggleCodeLens: 'truthline.codeLens.toggle',
  /** Hidden: the module lens's click (argument: the file's Uri). */
  showServingRequests: 'truthline.codeLens.showRequests',
  /** Hidden: a lens's click (arguments: the workspace folder's Uri, the item id). */
  openItemById: 'truthline.codeLens.openItem',
  openItem: 'truthline.openItem',
  openFeature: 'truthline.openFeature',
  sortAllFeaturesByGap: 'truthline.allFeatures.sortByGap',
  sortAllFeaturesByName: 'truthline.allFeatures.sortByName',
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

/** Commands VS Code itself makes for every view (`<view id>.focus`); not contributed in package.json. */
export const ViewFocusCommands = {
  currentFeature: 'truthline.currentFeature.focus',
  allFeatures: 'truthline.allFeatures.focus',
} as const;

export const Views = {
  container: 'truthline',
  currentFeature: 'truthline.currentFeature',
  allFeatures: 'truthline.allFeatures',
} as const;

export const ContextKeys = {
  hasAlignment: 'truthline:hasAlignment',
  /** What the Current Feature view shows: see CurrentFeatureState; its viewsWelcome entries switch on it. */
  currentFeatureState: 'truthline:currentFeatureState',
  /** 'missing' (no .alignment/ in any folder), 'noFeatures' or 'ready'; set once the store has read every folder. */
  alignmentState: 'truthline:alignmentState',
  allFeaturesSortedByGap: 'truthline:allFeaturesSortedByGap',
  /** True while some open flag's anchored code is gone: the editor menu then offers to re-anchor. */
  hasDriftedFlags: 'truthline:hasDriftedFlags',
} as const;

export const Settings = {
  section: 'truthline',
  codeLensEnabled: 'truthline.codeLens.enabled',
  codeLensModule: 'truthline.codeLens.module',
  codeLensTags: 'truthline.codeLens.tags',
  codeLensNoRequest: 'truthline.codeLens.noRequest',
  currentFeatureGroups: 'truthline.currentFeature.groups',
  showResolvedFlags: 'truthline.currentFeature.showResolvedFlags',
  allFeaturesSortBy: 'truthline.allFeatures.sortBy',
  statusBarEnabled: 'truthline.statusBar.enabled',
  author: 'truthline.author',
} as const;
