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
  /** Hidden: All Features' inline action on a feature row (argument: the row's node). */
  openFeatureDefinition: 'truthline.allFeatures.openFeatureDefinition',
  sortAllFeaturesByGap: 'truthline.allFeatures.sortByGap',
  sortAllFeaturesByName: 'truthline.allFeatures.sortByName',
  showResolvedFlags: 'truthline.currentFeature.showResolvedFlags',
  hideResolvedFlags: 'truthline.currentFeature.hideResolvedFlags',
  raiseFlag: 'truthline.raiseFlag',
  acknowledgeFlag: 'truthline.acknowledgeFlag',
  resolveFlag: 'truthline.resolveFlag',
  reopenFlag: 'truthline.reopenFlag',
  reanchorFlag: 'truthline.reanchorFlag',
  setAssumptionStatus: 'truthline.setAssumptionStatus',
  setGateCall: 'truthline.setGateCall',
  /** Hidden: the quick fix on a suspect status (argument: { id, gateIndex? }). */
  confirmStatus: 'truthline.confirmStatus',
  /** Hidden, returns data: where a flag's anchored code is now (argument: the flag id, or { id }). */
  flagAnchor: 'truthline.flagAnchor',
  newFeature: 'truthline.newFeature',
  newRequest: 'truthline.newRequest',
  newAssumption: 'truthline.newAssumption',
  newRisk: 'truthline.newRisk',
  newMilestone: 'truthline.newMilestone',
  newDecision: 'truthline.newDecision',
  /** Optional argument: the file's Uri (editor menus pass it); else the active editor's file. */
  addFileToFeature: 'truthline.addFileToFeature',
  /** Returns the tag as written (`// @risk R-1`). */
  insertTag: 'truthline.insertTag',
  openReport: 'truthline.openReport',
  /** Optional argument: the target Uri (skips the save dialog; .md writes Markdown, else HTML). */
  exportReport: 'truthline.exportReport',
} as const;

/** The Getting Started walkthrough (`contributes.walkthroughs`), as VS Code names it: `<publisher>.<name>#<id>`. */
export const Walkthroughs = {
  gettingStarted: 'truthline.gettingStarted',
  gettingStartedFull: `${EXTENSION_ID}#truthline.gettingStarted`,
} as const;

/** Webview panel types. */
export const ViewTypes = {
  report: 'truthline.report',
} as const;

/** Commands VS Code itself makes for every view (`<view id>.focus`); not contributed in package.json. */
export const ViewFocusCommands = {
  currentFeature: 'truthline.currentFeature.focus',
  allFeatures: 'truthline.allFeatures.focus',
} as const;

/**
 * Command titles as the palette shows them ("<category>: <title>"), for messages that tell the user which
 * command to run. The manifest test checks each against package.json and package.nls.json.
 */
export { CommandTitles } from '../core/commandTitles';

/**
 * The `contextValue` of each kind of tree row: package.json's view/item/context menus choose rows by it
 * (`viewItem =~ /^truthline\.flag\.open/`). Those marked "+ .<x>" get a suffix: `${ContextValues.flag}.open`.
 * The manifest test checks them against the menus' `when` clauses.
 */
export const ContextValues = {
  /** A workspace folder row of All Features (several folders). */
  folder: 'truthline.folder',
  /** The row of the followed file in Current Feature. */
  file: 'truthline.file',
  /** + .<group kind>: Customer Requests, Truth Flags, … */
  group: 'truthline.group',
  feature: 'truthline.feature',
  featureDisagrees: 'truthline.feature.disagrees',
  request: 'truthline.request',
  milestone: 'truthline.milestone',
  milestoneBlocked: 'truthline.milestone.blocked',
  /** + .<call>: go, no-go, pending. */
  gate: 'truthline.gate',
  /** + .<status>. */
  assumption: 'truthline.assumption',
  /** + .<status>. */
  risk: 'truthline.risk',
  /** + .<status>. */
  flag: 'truthline.flag',
  decision: 'truthline.decision',
  decisionUnattributed: 'truthline.decision.unattributed',
  /** A file or tag line under an item's "In the code" group. */
  code: 'truthline.code',
  /** All Features' "What the icons mean" row and its lines. */
  legend: 'truthline.legend',
} as const;

/** The rows no menu offers anything on, and why (the manifest test accepts no other token without a menu). */
export const ContextValuesWithoutMenu: Readonly<Partial<Record<keyof typeof ContextValues, string>>> = {
  folder: 'a folder row only groups features: there is nothing to open or edit',
  file: 'the file is already open in the editor',
  group: 'a group row only groups items',
  decision: 'a decision has no status or call to set, and the row opens its YAML on click',
  decisionUnattributed: 'as a decision',
  code: 'a place in the code opens on click; the editor offers the rest',
  legend: 'the legend only explains the icons',
};

export const Views = {
  container: 'truthline',
  currentFeature: 'truthline.currentFeature',
  allFeatures: 'truthline.allFeatures',
  changeImpact: 'truthline.changeImpact',
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
  anchoredLines: 'truthline.editor.anchoredLines',
} as const;

/** Keys of what the extension remembers for the user (ExtensionContext.globalState). */
export const StateKeys = {
  /** The YAML extension has been recommended once; it is not recommended again. */
  yamlExtensionRecommended: 'truthline.yamlExtensionRecommended',
} as const;

/** Other extensions Truthline works with. */
export const OtherExtensions = {
  /** Red Hat's YAML language support: completion and validation from the schema Truthline contributes. */
  yaml: 'redhat.vscode-yaml',
} as const;
