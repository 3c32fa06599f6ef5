// The entry of server/out/aws.js, the only bundle with the AWS SDK in it. server.js and lint.js load
// it the first time they go online (lazyAwsCatalog.ts), so that a run offline loads none of the SDK.
import { AwsAccountCatalog, type AwsCatalogOptions } from './awsAccountCatalog';
import { AwsRoleChecker, type AwsRoleCheckerOptions } from './awsRoleChecker';

export type { AwsCatalogOptions } from './awsAccountCatalog';
export type { AwsRoleCheckerOptions } from './awsRoleChecker';

/** The catalog over the AWS SDK clients and the standard credential chain. */
export function createAwsAccountCatalog(options?: AwsCatalogOptions): AwsAccountCatalog {
  return new AwsAccountCatalog(options);
}

/** The role checks' door to IAM (GetRole, ListRoles, SimulatePrincipalPolicy), with the catalog's client options. */
export function createAwsRoleChecker(options?: AwsRoleCheckerOptions): AwsRoleChecker {
  return new AwsRoleChecker(options);
}
