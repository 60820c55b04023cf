import * as vscode from 'vscode';
import { errorDetail } from '../../core';

let channel: vscode.LogOutputChannel | undefined;

/** The "Truthline" output channel; created on first use and owned by the extension context. */
export function initLog(context: vscode.ExtensionContext): void {
  channel = vscode.window.createOutputChannel('Truthline', { log: true });
  context.subscriptions.push(channel);
}

export function log(message: string): void {
  channel?.info(message);
}

export function logError(message: string, error: unknown): void {
  channel?.error(`${message}: ${errorDetail(error)}`);
}
