// Answers the extension's prompts as a user would, from a script: the input boxes and quick picks are
// taken instead of shown (a real prompt would wait for a person in a headless run). Every prompt is
// recorded with what it offered, and an input box's validateInput is run on each typed answer, as VS Code
// runs it: a refused answer is recorded with its message and the next answer of the step is tried.
import * as assert from 'assert';
import * as vscode from 'vscode';

export type Step =
  /** Types each text in turn until one is accepted; none accepted is Escape. */
  | { readonly type: string | readonly string[] }
  /** Enter: the input box's value as offered, or the quick pick's active (or checked) items. */
  | { readonly enter: true }
  /** Any answer that goes on: the value offered, else "x", else nothing typed; Enter on a quick pick. */
  | { readonly fill: true }
  /** Picks the items whose label contains each text, then Enter. */
  | { readonly pick: string | readonly string[] }
  | { readonly escape: true };

export const ENTER: Step = { enter: true };
export const ESCAPE: Step = { escape: true };
export const FILL: Step = { fill: true };

export interface Shown {
  readonly kind: 'input' | 'pick';
  readonly title: string | undefined;
  /** The input box's prompt, or the quick pick's placeholder. */
  readonly prompt: string | undefined;
  /** The value offered in the input box. */
  readonly value?: string | undefined;
  /** The quick pick's rows. */
  readonly items?: string[];
  /** The rows checked or active when it opened. */
  readonly chosen?: string[];
  /** Messages validateInput gave for typed answers it refused. */
  readonly refused: string[];
}

type Window = Record<string, unknown>;

export class PromptScript {
  readonly shown: Shown[] = [];
  private steps: Step[] = [];
  private readonly originals = new Map<string, unknown>();

  install(): void {
    const window = vscode.window as unknown as Window;
    for (const name of ['showInputBox', 'createQuickPick']) this.originals.set(name, window[name]);
    window.showInputBox = (options: vscode.InputBoxOptions = {}) => this.answerInput(options);
    window.createQuickPick = () => this.fakeQuickPick();
  }

  restore(): void {
    const window = vscode.window as unknown as Window;
    for (const [name, original] of this.originals) window[name] = original;
  }

  /** The answers of the next command's prompts, in order. */
  answer(...steps: Step[]): void {
    this.shown.length = 0;
    this.steps = [...steps];
  }

  /** Every step was used: the command asked exactly what the script expected. */
  assertDone(): void {
    assert.deepStrictEqual(this.steps, [], `prompts not shown: ${JSON.stringify(this.steps)}; shown: ${JSON.stringify(this.shown.map((shown) => shown.title))}`);
  }

  private next(what: string): Step {
    const step = this.steps.shift();
    assert.ok(step, `a prompt (${what}) had no answer in the script`);
    return step;
  }

  private async answerInput(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const refused: string[] = [];
    this.shown.push({ kind: 'input', title: options.title, prompt: options.prompt, value: options.value, refused });
    const step = this.next(`input ${options.title ?? ''}`);
    if ('escape' in step) return undefined;
    assert.ok(!('pick' in step), `an input box (${options.title ?? ''}) was shown where the script picks ${JSON.stringify(step)}`);
    const answers = 'enter' in step ? [options.value ?? ''] : 'fill' in step ? [options.value || 'x', ''] : typeof step.type === 'string' ? [step.type] : step.type;
    for (const answer of answers) {
      const message = await options.validateInput?.(answer);
      const text = typeof message === 'string' ? message : message?.message;
      if (!text) return answer;
      refused.push(text);
    }
    return undefined;
  }

  private fakeQuickPick(): vscode.QuickPick<vscode.QuickPickItem> {
    const accepted: (() => void)[] = [];
    const hidden: (() => void)[] = [];
    let hiddenOnce = false;
    const listen = (list: (() => void)[]) => (listener: () => void): vscode.Disposable => {
      list.push(listener);
      return { dispose: () => undefined };
    };
    const hide = (): void => {
      if (hiddenOnce) return;
      hiddenOnce = true;
      for (const listener of hidden) listener();
    };
    const quickPick = {
      title: undefined as string | undefined,
      placeholder: undefined as string | undefined,
      value: '',
      items: [] as readonly vscode.QuickPickItem[],
      activeItems: [] as readonly vscode.QuickPickItem[],
      selectedItems: [] as readonly vscode.QuickPickItem[],
      canSelectMany: false,
      matchOnDescription: false,
      matchOnDetail: false,
      onDidAccept: listen(accepted),
      onDidHide: listen(hidden),
      onDidChangeActive: listen([]),
      onDidChangeSelection: listen([]),
      onDidChangeValue: listen([]),
      show: () => {
        const rows = quickPick.items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator);
        const chosen = quickPick.canSelectMany ? quickPick.selectedItems : quickPick.activeItems.length > 0 ? quickPick.activeItems : rows.slice(0, 1);
        this.shown.push({ kind: 'pick', title: quickPick.title, prompt: quickPick.placeholder, items: rows.map((item) => item.label), chosen: chosen.map((item) => item.label), refused: [] });
        const step = this.next(`quick pick ${quickPick.title ?? ''}`);
        setTimeout(() => {
          if ('escape' in step) return hide();
          assert.ok(!('type' in step), `a quick pick (${quickPick.title ?? ''}) was shown where the script types ${JSON.stringify(step)}`);
          if ('pick' in step) {
            const wanted = typeof step.pick === 'string' ? [step.pick] : step.pick;
            const picked = wanted.map((text) => rows.find((item) => item.label.includes(text)));
            assert.ok(picked.every((item) => item !== undefined), `no row with ${JSON.stringify(wanted)} in ${JSON.stringify(rows.map((item) => item.label))}`);
            quickPick.selectedItems = picked as vscode.QuickPickItem[];
            quickPick.activeItems = picked.slice(0, 1) as vscode.QuickPickItem[];
          } else if (!quickPick.canSelectMany) {
            quickPick.activeItems = chosen;
            quickPick.selectedItems = [];
          }
          for (const listener of accepted) listener();
        }, 0);
      },
      hide,
      dispose: () => undefined,
    };
    return quickPick as unknown as vscode.QuickPick<vscode.QuickPickItem>;
  }
}
