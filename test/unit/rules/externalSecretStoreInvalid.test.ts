import { describe, expect, it } from 'vitest';
import { store } from '../../helpers/manifests';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'external-secret-store-invalid';

describe('external-secret-store-invalid', () => {
  it('reports a second provider beside aws, on its key', () => {
    const text = `${store('sm', 'SecretsManager')}    gcpsm:\n      projectID: my-project\n`;
    const finding = onlyFindingOf(RULE, text, {}, {}, 'store.yaml');
    expect(textAt(text, finding)).toBe('gcpsm');
    expect(finding.message).toBe(
      'This store sets 2 providers ("aws", "gcpsm"); the External Secrets Operator takes exactly one per store and does not make it ready. Keep "aws" and move the others to stores of their own.',
    );
  });

  it('reports a service the AWS provider does not have, with the close one as a safe fix', () => {
    const text = store('sm', 'SecretManager');
    const finding = onlyFindingOf(RULE, text, {}, {}, 'store.yaml');
    expect(finding.message).toBe('"SecretManager" is not a service of the AWS provider; use "SecretsManager" or "ParameterStore".');
    expect(finding.fixes?.[0].safe).toBe(true);
    expect(applyFix(text, finding, 'Change to "SecretsManager"', 'store.yaml')).toBe(store('sm', 'SecretsManager'));
  });

  it('offers no fix when no service is close', () => {
    const finding = onlyFindingOf(RULE, store('v', 'Vault'), {}, {}, 'store.yaml');
    expect(finding.message).toBe('"Vault" is not a service of the AWS provider; use "SecretsManager" or "ParameterStore".');
    expect(finding.fixes).toBeUndefined();
  });

  it('does not count a provider key left null', () => {
    expect(findingsOf(RULE, `${store('sm', 'SecretsManager')}    gcpsm: null\n`, {}, {}, 'store.yaml')).toEqual([]);
  });

  it('accepts one AWS provider with either service', () => {
    expect(findingsOf(RULE, store('sm', 'SecretsManager'), {}, {}, 'store.yaml')).toEqual([]);
    expect(findingsOf(RULE, store('ps', 'ParameterStore', 'eu-west-1', 'ClusterSecretStore'), {}, {}, 'store.yaml')).toEqual([]);
  });
});
