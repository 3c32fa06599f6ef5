import { analysisLimited } from './analysisLimited';
import { arnMalformed } from './arnMalformed';
import { awsvpcPortMapping } from './awsvpcPortMapping';
import { containerNameDuplicate } from './containerNameDuplicate';
import { containerReferenceUnknown } from './containerReferenceUnknown';
import { crossAccountReference } from './crossAccountReference';
import { describeOutput } from './describeOutput';
import { emptyValue } from './emptyValue';
import { environmentName } from './environmentName';
import { executionRoleMissing } from './executionRoleMissing';
import { fargateCpuMemory } from './fargateCpuMemory';
import { fargateUnsupported } from './fargateUnsupported';
import { invalidEnumValue } from './invalidEnumValue';
import { invalidJson } from './invalidJson';
import { invalidYaml } from './invalidYaml';
import { kmsKeyPermission } from './kmsKeyPermission';
import { missingRequired } from './missingRequired';
import { noEssentialContainer } from './noEssentialContainer';
import { partialSecretArn } from './partialSecretArn';
import { plaintextSecret } from './plaintextSecret';
import { referenceNotFound } from './referenceNotFound';
import { registryCredentialsInvalid } from './registryCredentialsInvalid';
import { reservedEnvironmentVariable } from './reservedEnvironmentVariable';
import type { Rule } from './rule';

export { describeFormats } from './rule';
import { secretNameAsParameter } from './secretNameAsParameter';
import { secretNameConflict } from './secretNameConflict';
import { shortParameterName } from './shortParameterName';
import { typeMismatch } from './typeMismatch';
import { unknownProperty } from './unknownProperty';
import { valueFromInEnvironment } from './valueFromInEnvironment';
import { volumeUnknown } from './volumeUnknown';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
  analysisLimited,
  invalidJson,
  invalidYaml,
  describeOutput,
  missingRequired,
  emptyValue,
  unknownProperty,
  typeMismatch,
  invalidEnumValue,
  fargateCpuMemory,
  fargateUnsupported,
  noEssentialContainer,
  containerNameDuplicate,
  containerReferenceUnknown,
  volumeUnknown,
  awsvpcPortMapping,
  executionRoleMissing,
  arnMalformed,
  crossAccountReference,
  registryCredentialsInvalid,
  shortParameterName,
  secretNameConflict,
  valueFromInEnvironment,
  environmentName,
  reservedEnvironmentVariable,
  referenceNotFound,
  secretNameAsParameter,
  partialSecretArn,
  kmsKeyPermission,
  plaintextSecret,
];
