import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wiring of the services is added feature by feature.
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
