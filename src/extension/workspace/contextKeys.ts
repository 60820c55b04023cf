// The one way Truthline sets a context key (menus' and welcome views' `when` clauses read them): values
// that did not change are skipped, since each set is a round trip to the workbench.
import * as vscode from 'vscode';
import type { ContextKeys } from '../constants';

type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

const values = new Map<ContextKey, unknown>();

export function setContextKey(key: ContextKey, value: unknown): Thenable<unknown> {
  if (values.has(key) && values.get(key) === value) return Promise.resolve();
  values.set(key, value);
  return vscode.commands.executeCommand('setContext', key, value);
}
