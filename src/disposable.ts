// What every subscription and timer returns: VS Code's Disposable shape, without needing `vscode`.
export interface Disposable {
  dispose(): void;
}
