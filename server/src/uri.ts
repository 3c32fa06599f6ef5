import { fileURLToPath } from 'node:url';

/** File URIs as paths for glob matching; other schemes (untitled:, vscode-remote:) keep their path part. */
export const URI = {
  toPath(uri: string): string {
    if (uri.startsWith('file:')) {
      try {
        return fileURLToPath(uri).replace(/\\/g, '/');
      } catch {
        // A malformed file URI still has a usable path for matching.
      }
    }
    return decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, ''));
  },
};
