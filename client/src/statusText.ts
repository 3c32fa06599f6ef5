// What the status bar shows for a catalog state (statusBar.ts puts it on the item). Kept apart from
// the item, which needs VS Code, so that the text is tested in-process (test/unit/client/statusText.test.ts).
import type { CatalogStatus } from '../../server/src/protocol';

/** The status bar text of a catalog state. */
export function statusText(status: CatalogStatus): string {
  const where = [status.account, status.region].filter(Boolean).join(' ');
  const counts = `${status.secrets} secrets · ${status.parameters} parameters`;
  switch (status.state) {
    case 'ready':
      return `$(cloud) AWS: ${where} · ${counts}`;
    case 'loading':
      return `$(sync~spin) AWS: ${where || 'signing in'}${where ? ` · ${counts}` : ''}`;
    case 'error':
      return `$(warning) AWS: ${status.errorKind === 'access-denied' ? 'access denied' : 'unavailable'}`;
    default:
      return '$(cloud) AWS: off';
  }
}

/** The tooltip: the server's message, else the profile in use, and why the role checks are off when they are. */
export function statusTooltip(status: CatalogStatus): string {
  const base = status.message ?? (status.profile ? `Profile ${status.profile}` : 'Secrets and parameters from your AWS account');
  // The role checks going off is no catalog failure: the tooltip says so beside the rest.
  return status.roleChecksMessage ? `${base}\n${status.roleChecksMessage}` : base;
}
