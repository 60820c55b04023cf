// The progress of a long tag index build: in the status bar from the start, and, when it is still going after
// NOTIFY_AFTER_MS, also as a notification with a Cancel button (the status bar's progress has none). A build
// of a few seconds never pops up anything.
import * as vscode from 'vscode';

const NOTIFY_AFTER_MS = 4_000;

export type IndexProgress = vscode.Progress<{ message?: string; increment?: number }>;

/** Runs `work` with its progress shown; `onCancel` runs when the person presses Cancel on the notification. */
export function withIndexProgress<T>(title: string, onCancel: () => void, work: (progress: IndexProgress) => Promise<T>, notifyAfterMs = NOTIFY_AFTER_MS): Promise<T> {
  const shown: IndexProgress[] = [];
  let done = 0;
  let message: string | undefined;
  const progress: IndexProgress = {
    report(value) {
      done += value.increment ?? 0;
      message = value.message ?? message;
      for (const place of shown) place.report(value);
    },
  };
  const running = Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (inStatusBar) => {
    shown.push(inStatusBar);
    return work(progress);
  }));
  const settled = running.then(() => undefined, () => undefined);
  // Cleared as soon as the work settles (a microtask, so before any later timer): it never fires after.
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (notification, cancelled) => {
      cancelled.onCancellationRequested(onCancel);
      // What is done so far, then every step after it.
      notification.report({ increment: done, message });
      shown.push(notification);
      return settled;
    });
  }, notifyAfterMs);
  void settled.then(() => clearTimeout(timer));
  return running;
}
