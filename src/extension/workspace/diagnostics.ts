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
 */
export class ProblemsByFile implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly shown = new Map<string, Set<string>>();

  constructor(name: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  show(folder: vscode.Uri, problems: readonly Problem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      const list = byFile.get(problem.file) ?? [];
      list.push(toDiagnostic(problem));
      byFile.set(problem.file, list);
    }
    const key = folder.toString();
    for (const file of this.shown.get(key) ?? []) if (!byFile.has(file)) this.collection.delete(childUri(folder, file));
    for (const [file, diagnostics] of byFile) this.collection.set(childUri(folder, file), diagnostics);
    this.shown.set(key, new Set(byFile.keys()));
  }

  forget(folder: vscode.Uri): void {
    for (const file of this.shown.get(folder.toString()) ?? []) this.collection.delete(childUri(folder, file));
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
