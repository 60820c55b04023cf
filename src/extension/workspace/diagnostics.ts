// Core's problems as editor diagnostics: one conversion for the Problems panel and the anchor tracker.
import * as vscode from 'vscode';
import type { Problem } from '../../core';

const SOURCE = 'truthline';

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, Math.max(problem.endColumn - 1, problem.line === problem.endLine ? problem.column : 0));
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
