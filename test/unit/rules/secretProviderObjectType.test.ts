import { describe, expect, it } from 'vitest';
import { providerClass } from '../../helpers/manifests';
import { applyFix, findingsOf, onlyFindingOf, textAt } from '../../helpers/taskdef';

const RULE = 'secret-provider-object-type';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf';

describe('secret-provider-object-type', () => {
  it('reports an objectType that disagrees with the ARN, and fixes it inside the block', () => {
    const text = providerClass([`- objectName: "${SECRET_ARN}"`, '  objectType: "ssmparameter"']);
    const finding = onlyFindingOf(RULE, text, {}, {}, 'spc.yaml');
    expect(textAt(text, finding)).toBe('"ssmparameter"');
    expect(finding.message).toBe(
      `objectType "ssmparameter" disagrees with the ARN of "${SECRET_ARN}", which is a Secrets Manager secret; the provider asks the wrong service.`,
    );
    expect(applyFix(text, finding, 'Change to "secretsmanager"', 'spc.yaml')).toBe(
      providerClass([`- objectName: "${SECRET_ARN}"`, '  objectType: "secretsmanager"']),
    );
  });

  it('reports a bare name without objectType, and an objectType the provider does not know', () => {
    const text = providerClass(['- objectName: db', '- objectName: api', '  objectType: secret']);
    expect(findingsOf(RULE, text, {}, {}, 'spc.yaml').map((f) => [textAt(text, f), f.message])).toEqual([
      [
        'objectName',
        'Object "db" has no objectType: with a name rather than an ARN, the AWS provider needs "secretsmanager" or "ssmparameter" to know which service to ask.',
      ],
      ['secret', '"secret" is not an objectType of the AWS provider; use "secretsmanager" or "ssmparameter".'],
    ]);
  });

  it("fixes an unknown objectType of an ARN to the ARN's service, and names a parameter ARN the other way round", () => {
    const PARAMETER_ARN = 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/db';
    const unknown = providerClass([`- objectName: "${PARAMETER_ARN}"`, '  objectType: ssm']);
    const finding = onlyFindingOf(RULE, unknown, {}, {}, 'spc.yaml');
    expect(finding.fixes?.map((f) => f.title)).toEqual(['Change to "ssmparameter"']);
    const wrong = providerClass([`- objectName: "${PARAMETER_ARN}"`, '  objectType: secretsmanager']);
    expect(onlyFindingOf(RULE, wrong, {}, {}, 'spc.yaml').message).toBe(
      `objectType "secretsmanager" disagrees with the ARN of "${PARAMETER_ARN}", which is an SSM parameter; the provider asks the wrong service.`,
    );
  });

  it('accepts an ARN without objectType, matching types, and placeholders', () => {
    const text = providerClass([
      `- objectName: "${SECRET_ARN}"`,
      `- objectName: "${SECRET_ARN}"`,
      '  objectType: secretsmanager',
      '- objectName: db',
      '  objectType: secretsmanager',
      '- objectName: "$SECRET_NAME"',
      '- objectName: db',
      '  objectType: "${OBJECT_TYPE}"',
      // Another service's ARN is arn-malformed's.
      '- objectName: "arn:aws:s3:::bucket/key"',
    ]);
    expect(findingsOf(RULE, text, {}, {}, 'spc.yaml')).toEqual([]);
  });
});
