import type * as vscode from 'vscode';

/** Owns disposables and disposes them together, newest first. */
export class DisposableStore implements vscode.Disposable {
  private readonly items: vscode.Disposable[] = [];
  private disposed = false;

  add<T extends vscode.Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    this.disposed = true;
    for (const item of this.items.splice(0).reverse()) item.dispose();
  }
}

/**
 * The base of everything that owns listeners, emitters or providers: `register` hands each one over, and
 * `dispose` disposes them together, newest first. A subclass that overrides `dispose` calls `super.dispose()`.
 */
export abstract class Disposable implements vscode.Disposable {
  private readonly owned = new DisposableStore();

  protected register<T extends vscode.Disposable>(item: T): T {
    return this.owned.add(item);
  }

  dispose(): void {
    this.owned.dispose();
  }
}

/** Runs `action` once `delayMs` after the last call. */
export class Debouncer implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number, private readonly action: () => void) {}

  trigger(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
