// Hosts run from source in this process (lintRun.ts and lspClient.ts in mutation runs) have no
// built aws.js beside them.
/** The catalogs made from now on load the AWS SDK from its source module. */
export async function loadAwsFromSource(): Promise<void> {
  const aws = await import('../../server/src/catalog/awsBundle');
  (await import('../../server/src/catalog/lazyAwsCatalog')).setAwsBundleLoader(() => aws);
}
