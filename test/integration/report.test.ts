// Truthline: Open Truth Report opens the report in a webview panel beside the editor; Export Truth Report
// writes the page (or Markdown, for a .md file) where it is told.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID, ViewTypes } from '../../src/extension/constants';
import { waitFor } from './waiting';

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(ViewTypes.report));
}

describe('Truth report in VS Code', () => {
  const written: vscode.Uri[] = [];

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
  });

  after(async () => {
    for (const tab of reportTabs()) await vscode.window.tabGroups.close(tab);
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('Open Truth Report opens one webview panel titled with the folder, and opening again reveals it', async () => {
    await vscode.commands.executeCommand(Commands.openReport);
    const tabs = await waitFor('the report panel opens', reportTabs, (found) => found.length === 1);
    assert.match(tabs[0]?.label ?? '', /^Truth Report — checkout-service$/);
    await vscode.commands.executeCommand(Commands.openReport);
    assert.strictEqual(reportTabs().length, 1);
  });

  it('Export Truth Report writes a self-contained HTML page, or Markdown for a .md file', async () => {
    const folder = path.join(os.tmpdir(), `truthline-report-${process.pid}`);
    const html = vscode.Uri.file(path.join(folder, 'report.html'));
    const markdown = vscode.Uri.file(path.join(folder, 'report.md'));
    written.push(html, markdown);
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>(Commands.exportReport, html))?.toString(), html.toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[0-9a-f]+'; img-src data:; script-src 'none';/);
    assert.ok(!page.includes('<script'), 'the exported page carries no script');
    assert.match(page, /Features: reported vs reality/);
    // The workspace copy has a dated git history of .alignment/ (test/harness/exampleHistory.ts): the trend is read from it.
    assert.doesNotMatch(page, /No trend/);
    assert.match(page, /Trend, week by week/);
    assert.match(page, /<td>2026-08-30<\/td>/, 'the first week end after the first commit is a row of the trend table');
    assert.match(page, /its git history/);
    await vscode.commands.executeCommand(Commands.exportReport, markdown);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(markdown));
    assert.match(text, /^# Truth report — as of \d{4}-\d{2}-\d{2}\n/);
  });
});
