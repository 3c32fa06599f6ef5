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

  it('accepts an ARN without objectType, matching types, and placeholders', () => {
    const text = providerClass([
      `- objectName: "${SECRET_ARN}"`,
      '- objectName: db',
      '  objectType: secretsmanager',
      '- objectName: "$SECRET_NAME"',
    ]);
    expect(findingsOf(RULE, text, {}, {}, 'spc.yaml')).toEqual([]);
  });
});
