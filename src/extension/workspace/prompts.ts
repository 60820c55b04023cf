// Small promise-returning wrappers around quick picks and input boxes, for every command that asks:
// undefined means the user pressed Escape (or the prompt closed), and the command then writes nothing.
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

export interface PickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The item selected when the pick opens (Enter takes it); the first item when not given. */
  readonly active?: PickItem<T> | undefined;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

/** One choice from a list; resolves to the chosen item's value, or undefined on Escape. */
export function pick<T>(options: PickOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<PickItem<T>>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.items = options.items;
    quickPick.matchOnDescription = options.matchOnDescription ?? true;
    quickPick.matchOnDetail = options.matchOnDetail ?? false;
    if (options.active) quickPick.activeItems = [options.active];
    let result: T | undefined;
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (!chosen || chosen.kind === vscode.QuickPickItemKind.Separator || chosen.value === undefined) return;
      result = chosen.value;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}

export interface AskOptions {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Whether an empty answer is accepted (for optional notes). */
  readonly optional?: boolean;
  readonly emptyMessage?: string;
  /** Checked as the user types: a message refuses the answer (an id that is taken), undefined accepts it. */
  readonly validate?: (value: string) => string | undefined;
}

/** A line of text; undefined on Escape. Focus may move to the code and back without losing what was typed. */
export async function ask(options: AskOptions): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    placeHolder: options.placeholder,
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!options.optional && value.trim() === '') return options.emptyMessage ?? vscode.l10n.t('Type something, or press Escape to cancel.');
      return options.validate?.(value);
    },
  });
  return answer === undefined ? undefined : answer.trim();
}

export interface PickManyOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly PickItem<T>[];
  /** The items checked when the pick opens. */
  readonly selected?: readonly PickItem<T>[];
}

/** Any number of choices (none is an answer too); undefined on Escape. */
export function pickMany<T>(options: PickManyOptions<T>): Promise<T[] | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<PickItem<T>>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.canSelectMany = true;
    quickPick.items = options.items;
    quickPick.selectedItems = options.selected ?? [];
    let result: T[] | undefined;
    quickPick.onDidAccept(() => {
      result = quickPick.selectedItems.map((item) => item.value).filter((value): value is T => value !== undefined);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}

export function separator<T>(label: string): PickItem<T> {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}
