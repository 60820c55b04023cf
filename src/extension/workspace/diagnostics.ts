// Core's problems as editor diagnostics: one conversion for the Problems panel and the anchor tracker.
import * as vscode from 'vscode';
import type { Problem } from '../../core';
import { childUri } from '../util/uris';

const SOURCE = 'truthline';

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, Math.max(problem.endColumn - 1, problem.line === problem.endLine ? problem.column : 0));
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

/**
 * One diagnostic collection showing core's problems per workspace folder: each `show` replaces what the
 * folder showed before (files with no problem left are cleared), `forget` clears the folder.
 *
 * Every rebuild shows the whole folder's problems again, thousands on a large repository, while an edit
 * changes one file's: only the files whose problems changed are sent, in one call (each `set` is a message
 * to the workbench, with every diagnostic in it converted and copied).
 */
export class ProblemsByFile implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  /** Per folder, the files shown with what their problems were, as signatureOf writes them. */
  private readonly shown = new Map<string, Map<string, string>>();

  constructor(name: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  show(folder: vscode.Uri, problems: readonly Problem[]): void {
    const byFile = new Map<string, Problem[]>();
    for (const problem of problems) {
      const list = byFile.get(problem.file);
      if (list) list.push(problem);
      else byFile.set(problem.file, [problem]);
    }
    const key = folder.toString();
    const before = this.shown.get(key) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const changes: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const file of before.keys()) if (!byFile.has(file)) changes.push([childUri(folder, file), undefined]);
    for (const [file, list] of byFile) {
      const signature = signatureOf(list);
      now.set(file, signature);
      if (before.get(file) !== signature) changes.push([childUri(folder, file), list.map(toDiagnostic)]);
    }
    if (changes.length > 0) this.collection.set(changes);
    this.shown.set(key, now);
  }

  forget(folder: vscode.Uri): void {
    for (const file of this.shown.get(folder.toString())?.keys() ?? []) this.collection.delete(childUri(folder, file));
    this.shown.delete(folder.toString());
  }

  /** Folders that show at least one problem. */
  folders(): string[] {
    return [...this.shown].filter(([, files]) => files.size > 0).map(([key]) => key);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** What a file's diagnostics are made of: equal signatures, equal diagnostics. */
function signatureOf(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.severity} ${problem.code} ${problem.line}:${problem.column}-${problem.endLine}:${problem.endColumn} ${problem.message}`).join('\n');
}
