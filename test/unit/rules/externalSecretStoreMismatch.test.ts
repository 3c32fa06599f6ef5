import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { entry, externalSecret, store } from '../../helpers/manifests';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const catalog = fakeCatalog([secret('prod/db'), parameter('/prod/db-url'), secret('shared'), parameter('shared')]);
const RULE = 'external-secret-store-mismatch';

describe('external-secret-store-mismatch', () => {
  it('reports a Parameter Store path read through a Secrets Manager store, with the other store as a fix', () => {
    const text = `${store('sm', 'SecretsManager')}---\n${store('ps', 'ParameterStore')}---\n${externalSecret('sm', entry('/prod/db-url'))}`;
    const finding = onlyFindingOf(RULE, text, { catalog }, {}, 'es.yaml');
    expect(textAt(text, finding)).toBe('/prod/db-url');
    expect(finding.message).toBe(
      '"/prod/db-url" is in Parameter Store, but SecretStore "sm" reads Secrets Manager; the External Secrets Operator will not find it there. "ps" reads Parameter Store.',
    );
    expect(applyFix(text, finding, 'Use store "ps"', 'es.yaml')).toBe(
      text.replace('    name: sm\n    kind: SecretStore', '    name: ps\n    kind: SecretStore'),
    );
  });

  it('reports a secret name read through a Parameter Store store, saying what store to use when there is none', () => {
    const text = `${store('ps', 'ParameterStore')}---\n${externalSecret('ps', entry('prod/db'))}`;
    expect(onlyFindingOf(RULE, text, { catalog }, {}, 'es.yaml').message).toBe(
      '"prod/db" is in Secrets Manager, but SecretStore "ps" reads Parameter Store; the External Secrets Operator will not find it there. Use a store with service: SecretsManager.',
    );
  });

  it('offers each store of the right service, kind and region, and prefers the only one', () => {
    const candidates = [
      store('ps-a', 'ParameterStore'),
      store('ps-b', 'ParameterStore'),
      store('ps-us', 'ParameterStore', 'us-east-1'),
      store('ps-cluster', 'ParameterStore', 'eu-west-1', 'ClusterSecretStore'),
      store('', 'ParameterStore').replace('  name: \n', ''),
    ].join('---\n');
    const text = `${store('sm', 'SecretsManager')}---\n${candidates}---\n${externalSecret('sm', entry('/prod/db-url'))}`;
    const finding = onlyFindingOf(RULE, text, { catalog }, {}, 'es.yaml');
    expect(finding.message).toBe(
      '"/prod/db-url" is in Parameter Store, but SecretStore "sm" reads Secrets Manager; the External Secrets Operator will not find it there. "ps-a", "ps-b" read Parameter Store.',
    );
    expect(finding.fixes).toMatchObject([
      { title: 'Use store "ps-a"', preferred: false },
      { title: 'Use store "ps-b"', preferred: false },
    ]);
    const one = `${store('sm', 'SecretsManager')}---\n${store('ps', 'ParameterStore')}---\n${externalSecret('sm', entry('/prod/db-url'))}`;
    expect(onlyFindingOf(RULE, one, { catalog }, {}, 'es.yaml').fixes).toMatchObject([{ title: 'Use store "ps"', preferred: true }]);
  });

  it('says nothing of a key both services have, or of an ARN, which names its own service', () => {
    const through = (key: string) => `${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry(key))}`;
    expect(findingsOf(RULE, through('shared'), { catalog }, {}, 'es.yaml')).toEqual([]);
    expect(findingsOf(RULE, through('arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db-url'), { catalog }, {}, 'es.yaml')).toEqual([]);
  });

  it('says nothing when the key is in the store’s service, in neither, or the store is unknown', () => {
    for (const key of ['prod/db', 'nowhere']) {
      expect(
        findingsOf(RULE, `${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry(key))}`, { catalog }, {}, 'es.yaml'),
      ).toEqual([]);
    }
    expect(findingsOf(RULE, externalSecret('elsewhere', entry('/prod/db-url')), { catalog }, {}, 'es.yaml')).toEqual([]);
  });
});
