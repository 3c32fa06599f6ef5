// Kubernetes manifests on EKS: External Secrets Operator stores and ExternalSecrets, and Secrets
// Store CSI SecretProviderClasses, read from YAML streams; keys checked and completed from the
// account's catalog of the store's service and region, never a value read.
import { describe, expect, it } from 'vitest';
import { fakeCatalog, parameter, secret } from '../../helpers/fakeCatalog';
import { accept, analyze, complete, hover, textAt } from '../../helpers/taskdef';

const catalog = fakeCatalog([secret('prod/db'), secret('prod/api'), parameter('/prod/db-url'), parameter('/prod/api-key')], {
  regions: { 'us-east-1': [secret('east/db', {}, 'us-east-1')] },
});
const CAPS = { snippets: true, markdown: true };
/** Items in the order the client shows them. */
const sorted = <T extends { sortText?: string }>(items: T[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
const run = (text: string, options = {}) =>
  analyze(text, { catalog, ...options }, {}, 'secrets.yaml').map((f) => [f.ruleId, textAt(text, f)]);

const store = (name: string, service: string, region = 'eu-west-1', kind = 'SecretStore') =>
  `apiVersion: external-secrets.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  provider:\n    aws:\n      service: ${service}\n      region: ${region}\n`;
const externalSecret = (storeName: string, data: string, kind = 'SecretStore') =>
  `apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\nspec:\n  secretStoreRef:\n    name: ${storeName}\n    kind: ${kind}\n  target:\n    name: app\n  data:\n${data}`;
const entry = (key: string, extra = '') => `    - secretKey: value\n      remoteRef:\n        key: ${key}\n${extra}`;

const SPC = (objects: string, region = 'eu-west-1') =>
  `apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: app\nspec:\n  provider: aws\n  parameters:\n    region: ${region}\n    objects: |\n${objects}`;

describe('External Secrets Operator manifests', () => {
  it('checks each key in its store’s service and region, across the documents of a stream', () => {
    const text = `${store('sm', 'SecretsManager')}---\n${externalSecret('sm', `${entry('prod/db')}${entry('prod/dbb')}`)}`;
    expect(run(text)).toEqual([['reference-not-found', 'prod/dbb']]);
    const east = `${store('sm', 'SecretsManager', 'us-east-1')}---\n${externalSecret('sm', `${entry('east/db')}${entry('prod/db')}`)}`;
    expect(run(east)).toEqual([['reference-not-found', 'prod/db']]);
  });

  it('looks an ARN key up in the store’s region, which is where the operator asks', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:east/db-eastdb';
    const text = `${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry(arn))}`;
    const [finding] = analyze(text, { catalog }, {}, 'secrets.yaml');
    expect(finding.message).toBe(
      'Secret "east/db" was not found in 111122223333/eu-west-1. Check the name or the active profile. The ARN is of us-east-1, but the store reads eu-west-1.',
    );
    expect(run(`${store('sm', 'SecretsManager', 'us-east-1')}---\n${externalSecret('sm', entry(arn))}`)).toEqual([]);
  });

  it('reads a ClusterExternalSecret’s externalSecretSpec, and an entry’s own sourceRef.storeRef', () => {
    const cluster = [
      'apiVersion: external-secrets.io/v1beta1',
      'kind: ClusterExternalSecret',
      'metadata:',
      '  name: app',
      'spec:',
      '  externalSecretSpec:',
      '    secretStoreRef:',
      '      name: ps',
      '      kind: ClusterSecretStore',
      '    data:',
      '      - secretKey: url',
      '        remoteRef:',
      '          key: /prod/db-url',
      '      - secretKey: db',
      '        remoteRef:',
      '          key: prod/db',
      '        sourceRef:',
      '          storeRef:',
      '            name: sm',
      '      - secretKey: nope',
      '        remoteRef:',
      '          key: /prod/nope',
    ].join('\n');
    const text = `${store('ps', 'ParameterStore', 'eu-west-1', 'ClusterSecretStore')}---\n${store('sm', 'SecretsManager')}---\n${cluster}\n`;
    expect(run(text)).toEqual([['reference-not-found', '/prod/nope']]);
  });

  it('uses the stores the host found in the workspace', () => {
    const text = externalSecret('elsewhere', entry('/prod/db-urll'));
    const kubernetesStores = [
      { kind: 'SecretStore' as const, name: 'elsewhere', service: 'ParameterStore' as const, region: 'eu-west-1', file: 'stores.yaml' },
    ];
    expect(run(text, { kubernetesStores })).toEqual([['reference-not-found', '/prod/db-urll']]);
  });

  it('gets nothing for other Kubernetes YAML, the legacy API, or Helm-style placeholders in keys', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 1\n';
    expect(run(deployment)).toEqual([]);
    const legacy =
      'apiVersion: kubernetes-client.io/v1\nkind: ExternalSecret\nmetadata:\n  name: a\nspec:\n  backendType: systemManager\n  data:\n    - key: /nope\n      name: a\n';
    expect(run(legacy)).toEqual([]);
    expect(run(`${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry('$SECRET_NAME'))}`)).toEqual([]);
    // A Helm template, broken YAML until rendered or not, is left alone.
    expect(run(`${store('sm', 'SecretsManager')}---\n${externalSecret('{{ .Values.store }}', entry('nope'))}`)).toEqual([]);
    expect(run(`${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry('{{ .Values.key }}'))}`)).toEqual([]);
  });

  it('completes remoteRef.key with the store’s service only, as a YAML scalar', () => {
    const text = `${store('sm', 'SecretsManager')}---\n${externalSecret('sm', entry('pro|'))}`;
    const { list, text: plain } = complete(text, CAPS, {}, 'secrets.yaml', { catalog });
    expect(sorted(list.items).map((i) => i.label)).toEqual(['prod/api', 'prod/db']);
    expect(
      accept(
        plain,
        list.items.find((i) => i.label === 'prod/db')!,
      ),
    ).toBe(text.replace('pro|', 'prod/db'));
  });

  it('completes with both services, labelled, when the store is not known', () => {
    const { list } = complete(externalSecret('unknown', entry('|')), CAPS, {}, 'secrets.yaml', { catalog });
    expect(sorted(list.items).map((i) => [i.label, i.labelDetails?.description])).toEqual([
      ['prod/api', 'Secrets Manager'],
      ['prod/db', 'Secrets Manager'],
      ['/prod/api-key', 'Parameter Store'],
      ['/prod/db-url', 'Parameter Store'],
    ]);
  });

  it('hovers a key with what the catalog lists of it', () => {
    const text = `${store('ps', 'ParameterStore')}---\n${externalSecret('ps', entry('/prod/db-u|rl'))}`;
    expect(JSON.stringify(hover(text, true, 'secrets.yaml', { catalog })?.contents)).toContain(
      'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db-url',
    );
  });
});

describe('Secrets Store CSI SecretProviderClass', () => {
  const objects = (lines: string[]) => lines.map((l) => `      ${l}\n`).join('');

  it('checks the objects inside the block scalar, where they are', () => {
    const text = SPC(
      objects([
        '- objectName: "prod/db"',
        '  objectType: "secretsmanager"',
        '- objectName: "/prod/db-urll"',
        '  objectType: "ssmparameter"',
        '- objectName: plain-name',
      ]),
    );
    expect(run(text)).toEqual([
      ['reference-not-found', '"/prod/db-urll"'],
      ['secret-provider-object-type', 'objectName'],
    ]);
  });

  it('completes objectName inside the block scalar, keeping its indentation and quotes', () => {
    const text = SPC(objects(['- objectName: "/prod/a‸"', '  objectType: "ssmparameter"']));
    const { list, text: plain } = complete(text, CAPS, {}, 'spc.yaml', { catalog });
    expect(list.items.map((i) => i.label)).toEqual(['/prod/api-key']);
    expect(accept(plain, list.items[0])).toBe(text.replace('/prod/a‸', '/prod/api-key'));
  });

  it('judges nothing in a region that is a placeholder', () => {
    expect(run(SPC(objects(['- objectName: "nope"', '  objectType: "secretsmanager"']), '${REGION}'))).toEqual([]);
  });
});
