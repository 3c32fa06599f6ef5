import { describe, expect, it } from 'vitest';
import { statusText, statusTooltip } from '../../../client/src/statusText';
import type { CatalogStatus } from '../../../server/src/protocol';

const status = (fields: Partial<CatalogStatus>): CatalogStatus => ({ state: 'ready', secrets: 4, parameters: 5, ...fields });

describe('the status bar item', () => {
  it('shows the account, region and counts once the catalog is ready', () => {
    expect(statusText(status({ account: '111122223333', region: 'eu-west-1' }))).toBe(
      '$(cloud) AWS: 111122223333 eu-west-1 · 4 secrets · 5 parameters',
    );
    expect(statusText(status({ region: 'eu-west-1' }))).toBe('$(cloud) AWS: eu-west-1 · 4 secrets · 5 parameters');
  });

  it('spins while loading: signing in before the account is known, with the counts so far after', () => {
    expect(statusText(status({ state: 'loading', secrets: 0, parameters: 0 }))).toBe('$(sync~spin) AWS: signing in');
    expect(statusText(status({ state: 'loading', account: '111122223333', region: 'eu-west-1', secrets: 100, parameters: 0 }))).toBe(
      '$(sync~spin) AWS: 111122223333 eu-west-1 · 100 secrets · 0 parameters',
    );
  });

  it('names access denied apart from every other error', () => {
    expect(statusText(status({ state: 'error', errorKind: 'access-denied' }))).toBe('$(warning) AWS: access denied');
    expect(statusText(status({ state: 'error', errorKind: 'network' }))).toBe('$(warning) AWS: unavailable');
    expect(statusText(status({ state: 'error' }))).toBe('$(warning) AWS: unavailable');
  });

  it('says off when AWS is turned off', () => {
    expect(statusText(status({ state: 'disabled', secrets: 0, parameters: 0 }))).toBe('$(cloud) AWS: off');
  });

  it("gives the server's message as the tooltip, else the profile, and adds why the role checks are off", () => {
    expect(statusTooltip(status({ message: 'The SSO session has expired: run aws sso login.', profile: 'dev' }))).toBe(
      'The SSO session has expired: run aws sso login.',
    );
    expect(statusTooltip(status({ profile: 'dev' }))).toBe('Profile dev');
    expect(statusTooltip(status({}))).toBe('Secrets and parameters from your AWS account');
    expect(
      statusTooltip(status({ profile: 'dev', roleChecks: 'off', roleChecksMessage: 'Role checks are off: IAM refused GetRole.' })),
    ).toBe('Profile dev\nRole checks are off: IAM refused GetRole.');
  });
});
