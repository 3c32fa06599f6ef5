import { anchorOf } from '../document/navigate';
import type { Finding } from '../findings';
import { arnKind, OBJECT_TYPES } from '../kubernetesLookup';
import { isTemplated } from '../template';
import { fixList, nodeRange, replaceStringFix } from './fixBuilders';
import type { SubjectRule } from './rule';

const TYPE_OF_KIND = { secret: 'secretsmanager', parameter: 'ssmparameter' } as const;

export const secretProviderObjectType: SubjectRule = {
  id: 'secret-provider-object-type',
  title: 'SecretProviderClass object type wrong or missing',
  description:
    'Reports an object of an AWS SecretProviderClass whose `objectType` is not `secretsmanager` or `ssmparameter`, disagrees with the service of an ARN `objectName`, or is missing for a bare name (the AWS provider needs it to know which service to ask; only an ARN says so itself). The mount fails and the pod does not start. The quick fix sets the type an ARN names.',
  needsCatalog: false,
  appliesTo: ['secretProviderClass'],
  check(ctx) {
    const manifest = ctx.subject.kubernetes;
    if (manifest?.kind !== 'providerClass') return [];
    const findings: Finding[] = [];
    for (const object of manifest.objects) {
      if (isTemplated(object.name)) continue;
      const fromArn = arnKind(object.name);
      const typeNode = object.typeNode;
      if (object.type !== undefined && isTemplated(object.type)) continue;
      if (object.type !== undefined && !(object.type in OBJECT_TYPES)) {
        findings.push({
          ruleId: 'secret-provider-object-type',
          severity: 'error',
          message: `"${object.type}" is not an objectType of the AWS provider; use "secretsmanager" or "ssmparameter".`,
          range: nodeRange(ctx, typeNode!),
          fixes: fromArn
            ? fixList(replaceStringFix(ctx, typeNode!, TYPE_OF_KIND[fromArn], `Change to "${TYPE_OF_KIND[fromArn]}"`))
            : undefined,
        });
      } else if (object.type !== undefined && fromArn && OBJECT_TYPES[object.type] !== fromArn) {
        findings.push({
          ruleId: 'secret-provider-object-type',
          severity: 'error',
          message: `objectType "${object.type}" disagrees with the ARN of "${object.name}", which is ${fromArn === 'secret' ? 'a Secrets Manager secret' : 'an SSM parameter'}; the provider asks the wrong service.`,
          range: nodeRange(ctx, typeNode!),
          fixes: fixList(replaceStringFix(ctx, typeNode!, TYPE_OF_KIND[fromArn], `Change to "${TYPE_OF_KIND[fromArn]}"`)),
        });
      } else if (object.type === undefined && !fromArn && !object.name.startsWith('arn:')) {
        findings.push({
          ruleId: 'secret-provider-object-type',
          severity: 'error',
          message: `Object "${object.name}" has no objectType: with a name rather than an ARN, the AWS provider needs "secretsmanager" or "ssmparameter" to know which service to ask.`,
          range: nodeRange(ctx, typeNode ?? anchorOf(object.node)),
        });
      }
    }
    return findings;
  },
};
