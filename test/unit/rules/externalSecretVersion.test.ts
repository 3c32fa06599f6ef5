import { describe, expect, it } from 'vitest';
import { entry, externalSecret, store } from '../../helpers/manifests';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'external-secret-version';
const withVersion = (service: string, version: string) =>
  `${store('s', service)}---\n${externalSecret('s', entry('prod/db', `        version: ${version}\n`))}`;

describe('external-secret-version', () => {
  it('reports a Secrets Manager version that is read as a staging label nobody set', () => {
    const text = withVersion('SecretsManager', 'v1');
    const finding = onlyFindingOf(RULE, text, {}, {}, 'es.yaml');
    expect(textAt(text, finding)).toBe('v1');
    expect(finding.message).toBe(
      '"v1" is read as a staging label of the secret "prod/db"; unless you attached that label yourself, it is not found. Use AWSCURRENT, AWSPREVIOUS, AWSPENDING or uuid/<version-id>.',
    );
  });

  const ID = 'a1b2c3d4-5678-90ab-cdef-abcdef111111';
  it.each([`xuuid/${ID}`, `uuid/${ID}x`, `uuid/${ID.slice(1)}`, '1', 'latest'])('reports %j, and offers no fix', (version) => {
    const finding = onlyFindingOf(RULE, withVersion('SecretsManager', version), {}, {}, 'es.yaml');
    expect(finding.message).toMatch(new RegExp(`^"${version}" is read as a staging label`));
    expect(finding.fixes).toBeUndefined();
  });

  it('fixes the case of an AWS staging label', () => {
    const text = withVersion('SecretsManager', 'awscurrent');
    expect(applyFix(text, onlyFindingOf(RULE, text, {}, {}, 'es.yaml'), 'Change to "AWSCURRENT"', 'es.yaml')).toBe(
      withVersion('SecretsManager', 'AWSCURRENT'),
    );
  });

  it('accepts the AWS labels, uuid/ version ids with or without hyphens, an empty version and a placeholder', () => {
    for (const version of [
      'AWSCURRENT',
      'AWSPREVIOUS',
      'AWSPENDING',
      `uuid/${ID}`,
      `uuid/${ID.replaceAll('-', '')}`,
      '""',
      '"{{ .Values.version }}"',
    ]) {
      expect(findingsOf(RULE, withVersion('SecretsManager', version), {}, {}, 'es.yaml'), version).toEqual([]);
    }
  });

  it('judges no Parameter Store version: SSM reads a number or a label there', () => {
    expect(findingsOf(RULE, withVersion('ParameterStore', 'latest'), {}, {}, 'es.yaml')).toEqual([]);
  });
});
