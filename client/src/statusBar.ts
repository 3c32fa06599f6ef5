// The catalog's state in the status bar, for task definition documents: loading with a spinner,
// `AWS: <account> <region> · N secrets · M parameters`, the error, or off. A click offers the commands.
import { StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem, type TextEditor } from 'vscode';
import type { CatalogStatus } from '../../server/src/protocol';
import { statusText, statusTooltip } from './statusText';

export class CatalogStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private status: CatalogStatus = { state: 'disabled', secrets: 0, parameters: 0 };
  private readonly subscription: Disposable;

  constructor(private readonly isTaskDefinition: (editor: TextEditor | undefined) => boolean) {
    this.item = window.createStatusBarItem('ecsTaskDef.catalog', StatusBarAlignment.Right, 100);
    this.item.name = 'ECS Task Definitions: AWS catalog';
    this.item.command = 'ecsTaskDef.showCommands';
    this.subscription = window.onDidChangeActiveTextEditor(() => this.render());
  }

  /** The last state the server reported, and the text shown for it. */
  get current(): CatalogStatus & { text: string } {
    return { ...this.status, text: this.item.text };
  }

  update(status: CatalogStatus): void {
    this.status = status;
    this.render();
  }

  private render(): void {
    this.item.text = statusText(this.status);
    this.item.tooltip = statusTooltip(this.status);
    this.item.backgroundColor = this.status.state === 'error' ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    if (this.isTaskDefinition(window.activeTextEditor)) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
