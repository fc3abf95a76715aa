// code-server has no --extensionDevelopmentPath flag; the workbench URL's `payload` asks
// the web workbench to load an extension from source and run its tests in the real
// extension host instead. Paths are on the server, addressed as vscode-remote URIs.
import { workbenchUrl } from '../../sim/editor/browser';

interface DevelopmentPayload {
  /** Absolute folder of the extension under development (holds package.json). */
  extensionDevelopmentPath: string;
  /** Absolute path of the compiled tests module exporting run(). */
  extensionTestsPath?: string;
  workspaceFolder: string;
}

export function developmentUrl(codeServerUrl: string, p: DevelopmentPayload): string {
  const authority = new URL(codeServerUrl).host;
  const remote = (abs: string) => `vscode-remote://${authority}${abs}`;
  const pairs: [string, string][] = [['extensionDevelopmentPath', remote(p.extensionDevelopmentPath)]];
  if (p.extensionTestsPath) pairs.push(['extensionTestsPath', remote(p.extensionTestsPath)]);
  pairs.push(['skipWelcome', 'true']);
  return workbenchUrl(codeServerUrl, p.workspaceFolder, pairs);
}
