// Builders of External Secrets Operator and Secrets Store CSI manifests for tests.

/** An ESO store with the AWS provider. */
export const store = (name: string, service: string, region = 'eu-west-1', kind = 'SecretStore') =>
  `apiVersion: external-secrets.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  provider:\n    aws:\n      service: ${service}\n      region: ${region}\n`;

/** An ExternalSecret through store `storeName`, with `data` entries (see `entry`). */
export const externalSecret = (storeName: string, data: string, kind = 'SecretStore') =>
  `apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\nspec:\n  secretStoreRef:\n    name: ${storeName}\n    kind: ${kind}\n  target:\n    name: app\n  data:\n${data}`;

/** One `data` entry: `remoteRef.key` and any more `remoteRef` members (indented by 8). */
export const entry = (key: string, extra = '') => `    - secretKey: value\n      remoteRef:\n        key: ${key}\n${extra}`;

/** An AWS SecretProviderClass with these lines inside its `objects: |` block. */
export const providerClass = (lines: string[], region = 'eu-west-1') =>
  `apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: app\nspec:\n  provider: aws\n  parameters:\n    region: ${region}\n    objects: |\n${lines.map((l) => `      ${l}\n`).join('')}`;
