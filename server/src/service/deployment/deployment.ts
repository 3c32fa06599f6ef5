// Who turns the file into a registered task definition decides what is an error in it. The AWS CLI
// (`aws ecs register-task-definition --cli-input-json`) sends the file as written and refuses nulls
// and describe-only members; aws-actions/amazon-ecs-deploy-task-definition drops them first, and
// amazon-ecs-render-task-definition fills a container's image (docs/reference/describe-output.md#dep-1
// and #dep-2).
// docs/deployment.md explains it to users.

/** How the file reaches RegisterTaskDefinition, as far as the host can tell. */
export interface Deployment {
  /** `cli`: registered as written (`aws ecs register-task-definition`); `deployAction`: through aws-actions/amazon-ecs-deploy-task-definition. */
  consumer: 'cli' | 'deployAction';
  /** Where that was learnt: a workflow's path from the repository root, or undefined when a setting says so. */
  workflow?: string;
  /** Containers whose `image` amazon-ecs-render-task-definition sets, with the workflow that does it. */
  renderedImages?: readonly RenderedImage[];
}

/** A container whose image the pipeline fills in. */
export interface RenderedImage {
  containerName: string;
  workflow: string;
}

/** What registers a file when nothing says otherwise. */
export const REGISTERED_BY_CLI: Deployment = { consumer: 'cli' };

/** The command that rejects what the deploy action would drop: named in every message about it. */
export const REGISTER_COMMAND = '`aws ecs register-task-definition`';

/** "the deploy action in .github/workflows/deploy.yml", or, when a setting says so, "the deploy action". */
export function deployActionPhrase(deployment: Deployment): string {
  return deployment.workflow
    ? `the deploy action in ${deployment.workflow}`
    : 'the deploy action (aws-actions/amazon-ecs-deploy-task-definition)';
}

/** The render step that sets this container's image, if any. */
export function renderedImageOf(deployment: Deployment | undefined, containerName: string | undefined): RenderedImage | undefined {
  if (containerName === undefined) return undefined;
  return deployment?.renderedImages?.find((r) => r.containerName === containerName);
}

/** The `ecsTaskDef.deployedBy` setting and the CLI's `--deployed-by`. */
export type DeployedBySetting = 'auto' | 'cli' | 'deploy-action';

/** Every value of the setting, for parsing and the manifest. */
export const DEPLOYED_BY_SETTINGS: readonly DeployedBySetting[] = ['auto', 'cli', 'deploy-action'];

/**
 * The deployment of a file: what the workspace's workflows show, unless the setting names the
 * consumer. A render step fills its container's image whoever registers the result.
 */
export function chooseDeployment(setting: DeployedBySetting, detected: Deployment | undefined): Deployment {
  if (setting === 'auto') return detected ?? REGISTERED_BY_CLI;
  const consumer = setting === 'cli' ? 'cli' : 'deployAction';
  if (detected?.consumer === consumer) return detected;
  return { consumer, ...(detected?.renderedImages ? { renderedImages: detected.renderedImages } : {}) };
}
