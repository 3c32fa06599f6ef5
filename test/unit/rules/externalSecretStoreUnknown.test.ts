import { describe, expect, it } from 'vitest';
import { entry, externalSecret, store } from '../../helpers/manifests';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'external-secret-store-unknown';

describe('external-secret-store-unknown', () => {
  it('reports a store name that no store of the file or workspace has, with the close one as a fix', () => {
    const text = `${store('aws-secrets', 'SecretsManager')}---\n${externalSecret('aws-secret', entry('prod/db'))}`;
    const finding = onlyFindingOf(RULE, text, {}, {}, 'es.yaml');
    expect(textAt(text, finding)).toBe('aws-secret');
    expect(finding.message).toBe(
      'No SecretStore is named "aws-secret" in this file or the workspace (there is: "aws-secrets"); the ExternalSecret would never sync. Did you mean "aws-secrets"?',
    );
    expect(applyFix(text, finding, 'Change to "aws-secrets"', 'es.yaml')).toBe(
      text.replace('name: aws-secret\n    kind', 'name: aws-secrets\n    kind'),
    );
  });

  it('compares stores of the same kind only, and knows the workspace’s', () => {
    const cluster = `${store('shared', 'SecretsManager', 'eu-west-1', 'ClusterSecretStore')}---\n${externalSecret('shared', entry('prod/db'))}`;
    expect(onlyFindingOf(RULE, cluster, {}, {}, 'es.yaml').message).toBe(
      'No SecretStore is named "shared" in this file or the workspace; the ExternalSecret would never sync. A ClusterSecretStore has that name: set kind: ClusterSecretStore.',
    );
    const kubernetesStores = [{ kind: 'SecretStore' as const, name: 'shared', service: 'SecretsManager' as const, file: 'stores.yaml' }];
    expect(findingsOf(RULE, externalSecret('shared', entry('prod/db')), { kubernetesStores }, {}, 'es.yaml')).toEqual([]);
  });

  it('lists every store of the kind, offers no fix when none is close, and knows a SecretStore of the name', () => {
    const cluster = store('platform', 'SecretsManager', 'eu-west-1', 'ClusterSecretStore');
    const stores = `${store('alpha', 'SecretsManager')}---\n${store('beta', 'ParameterStore')}---\n${store('shared', 'SecretsManager')}---\n${cluster}---\n`;
    const text = `${stores}${externalSecret('zzz-unrelated', entry('prod/db'))}`;
    const finding = onlyFindingOf(RULE, text, {}, {}, 'es.yaml');
    expect(finding.message).toBe(
      'No SecretStore is named "zzz-unrelated" in this file or the workspace (there are: "alpha", "beta", "shared"); the ExternalSecret would never sync.',
    );
    expect(finding.fixes).toBeUndefined();
    // Each of the three is found among the others.
    for (const name of ['alpha', 'beta', 'shared'])
      expect(findingsOf(RULE, `${stores}${externalSecret(name, entry('prod/db'))}`, {}, {}, 'es.yaml')).toEqual([]);
    const toCluster = `${stores}${externalSecret('shared', entry('prod/db'), 'ClusterSecretStore')}`;
    expect(onlyFindingOf(RULE, toCluster, {}, {}, 'es.yaml').message).toBe(
      'No ClusterSecretStore is named "shared" in this file or the workspace (there is: "platform"); the ExternalSecret would never sync. A SecretStore has that name: set kind: SecretStore.',
    );
  });

  it('takes a name several stores have as found', () => {
    const twice = `${store('shared', 'SecretsManager')}---\n${store('shared', 'ParameterStore')}---\n${externalSecret('shared', entry('prod/db'))}`;
    expect(findingsOf(RULE, twice, {}, {}, 'es.yaml')).toEqual([]);
  });

  it('says nothing when the file and the workspace hold no store at all', () => {
    expect(findingsOf(RULE, externalSecret('anything', entry('prod/db')), {}, {}, 'es.yaml')).toEqual([]);
  });
});
