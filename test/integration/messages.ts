// The messages the extension shows, taken instead of shown: a real message box would wait for a click in a
// headless run. Tests read what a user would have seen.
import * as vscode from 'vscode';

export interface Message {
  readonly text: string;
  readonly actions: string[];
}

/** The messages the extension shows, taken instead of shown (as if the user dismissed each one). */
export class MessageSpy {
  readonly shown: Message[] = [];
  private readonly originals = new Map<string, unknown>();
  private static readonly kinds = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;

  install(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const kind of MessageSpy.kinds) {
      this.originals.set(kind, window[kind]);
      window[kind] = (text: string, ...rest: unknown[]): Promise<undefined> => {
        this.shown.push({ text, actions: rest.filter((item): item is string => typeof item === 'string') });
        return Promise.resolve(undefined);
      };
    }
  }

  restore(): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    for (const [kind, original] of this.originals) window[kind] = original;
  }

  take(): Message[] {
    return this.shown.splice(0);
  }
}
