import { analysisLimited } from './analysisLimited';
import { arnMalformed } from './arnMalformed';
import { awslogsOptions } from './awslogsOptions';
import { awsvpcPortMapping } from './awsvpcPortMapping';
import { byteOrderMark } from './byteOrderMark';
import { containerMemory } from './containerMemory';
import { containerNameDuplicate } from './containerNameDuplicate';
import { containerReferenceUnknown } from './containerReferenceUnknown';
import { crossAccountReference } from './crossAccountReference';
import { describeOutput } from './describeOutput';
import { emptyValue } from './emptyValue';
import { environmentName } from './environmentName';
import { executionRoleIsTaskRole } from './executionRoleIsTaskRole';
import { executionRoleMissing } from './executionRoleMissing';
import { fargateCpuMemory } from './fargateCpuMemory';
import { fargateUnsupported } from './fargateUnsupported';
import { firelensWindows } from './firelensWindows';
import { invalidEnumValue } from './invalidEnumValue';
import { invalidJson } from './invalidJson';
import { inferenceAcceleratorUnknown } from './inferenceAcceleratorUnknown';
import { externalSecretStoreInvalid } from './externalSecretStoreInvalid';
import { roleNotFound } from './roleNotFound';
import { roleUntrusted } from './roleUntrusted';
import { executionRolePermission } from './executionRolePermission';
import { externalSecretStoreMismatch } from './externalSecretStoreMismatch';
import { externalSecretStoreUnknown } from './externalSecretStoreUnknown';
import { externalSecretVersion } from './externalSecretVersion';
import { secretProviderObjectType } from './secretProviderObjectType';
import { invalidHcl } from './invalidHcl';
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
import { invalidConfig } from './invalidConfig';
import { unusedSuppression } from './unusedSuppression';
import { templatePlaceholder } from './templatePlaceholder';

export { describeFormats } from './rule';
import { secretNameAsParameter } from './secretNameAsParameter';
import { secretNameConflict } from './secretNameConflict';
import { secretVersionSelector } from './secretVersionSelector';
import { shortParameterName } from './shortParameterName';
import { typeMismatch } from './typeMismatch';
import { unknownProperty } from './unknownProperty';
import { valueFromInEnvironment } from './valueFromInEnvironment';
import { volumeUnknown } from './volumeUnknown';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
  analysisLimited,
  invalidJson,
  byteOrderMark,
  invalidYaml,
  invalidHcl,
  describeOutput,
  missingRequired,
  emptyValue,
  unknownProperty,
  typeMismatch,
  invalidEnumValue,
  fargateCpuMemory,
  containerMemory,
  fargateUnsupported,
  firelensWindows,
  awslogsOptions,
  noEssentialContainer,
  containerNameDuplicate,
  containerReferenceUnknown,
  volumeUnknown,
  inferenceAcceleratorUnknown,
  externalSecretStoreMismatch,
  externalSecretStoreUnknown,
  externalSecretVersion,
  secretProviderObjectType,
  externalSecretStoreInvalid,
  roleNotFound,
  roleUntrusted,
  executionRolePermission,
  awsvpcPortMapping,
  executionRoleMissing,
  executionRoleIsTaskRole,
  arnMalformed,
  secretVersionSelector,
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
  templatePlaceholder,
  kmsKeyPermission,
  plaintextSecret,
  invalidConfig,
  unusedSuppression,
];
