// Which task definition files a repository's GitHub Actions workflows hand to the ECS actions, read
// from the workflow text alone (the host finds and reads the files: see server/src/workflowFiles.ts).
// The actions resolve `task-definition` against GITHUB_WORKSPACE, the repository root; workflows
// usually write the path through `env` (GitHub's starter workflow sets ECS_TASK_DEFINITION), and the
// render action's output reaches the deploy action as `${{ steps.<id>.outputs.task-definition }}`.
import { findValue } from '../document/navigate';
import { valueOf, type DocNode } from '../document/node';
import { adapterFor } from '../formats';
import type { Deployment, RenderedImage } from './deployment';

/** A workflow file: its path from the repository root and its text. */
export interface WorkflowFile {
  path: string;
  text: string;
}

const DEPLOY_ACTION = /^aws-actions\/amazon-ecs-deploy-task-definition@/;
const RENDER_ACTION = /^aws-actions\/amazon-ecs-render-task-definition@/;
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const STEP_OUTPUT = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.task-definition\s*\}\}$/;
/** A matrix or a path list can multiply the files a step names; past this, the rest is not followed. */
const MAX_CANDIDATES = 64;

/**
 * The deployment of every task definition file the workflows deploy or render, keyed by its path
 * from the repository root (normalised, no leading `./`). A file only rendered keeps the CLI as its
 * consumer but learns which container's image the pipeline fills.
 */
export function deploymentsFromWorkflows(workflows: readonly WorkflowFile[]): Map<string, Deployment> {
  const found = new Map<string, Deployment>();
  const entry = (file: string) => {
    let deployment = found.get(file);
    if (!deployment) found.set(file, (deployment = { consumer: 'cli' }));
    return deployment;
  };
  for (const workflow of workflows) {
    for (const use of actionUses(workflow)) {
      for (const file of use.files) {
        const deployment = entry(file);
        if (use.action === 'deploy' && deployment.consumer !== 'deployAction') {
          deployment.consumer = 'deployAction';
          deployment.workflow = workflow.path;
        }
        if (use.action === 'render' && use.containerNames.length) {
          const rendered = use.containerNames.map((containerName): RenderedImage => ({ containerName, workflow: workflow.path }));
          deployment.renderedImages = [...(deployment.renderedImages ?? []), ...rendered];
        }
      }
    }
  }
  return found;
}

/** One step that uses an ECS action, with the repository files its `task-definition` comes from. */
interface ActionUse {
  action: 'deploy' | 'render';
  files: string[];
  /** The render action's `container-name`: one name, or several separated by commas. */
  containerNames: string[];
}

/** The ECS action steps of one workflow; a workflow that is not YAML, or not a workflow, has none. */
function actionUses(workflow: WorkflowFile): ActionUse[] {
  const document = adapterFor('yaml', workflow.path, workflow.text).parse(workflow.text);
  const root = document.roots[0];
  const jobs = findValue(root, 'jobs');
  if (jobs?.type !== 'object') return [];
  const uses: ActionUse[] = [];
  const workflowEnv = scalars(findValue(root, 'env'));
  for (const jobProperty of jobs.children ?? []) {
    const job = valueOf(jobProperty);
    const jobEnv = new Map([...workflowEnv, ...scalars(findValue(job, 'env'))]);
    const matrix = matrixOf(findValue(findValue(job, 'strategy'), 'matrix'));
    // A render step's output is the file it read, re-written: what a later step reads through it.
    const outputs = new Map<string, string[]>();
    const steps = findValue(job, 'steps');
    for (const step of steps?.type === 'array' ? (steps.children ?? []) : []) {
      const action = stringOf(findValue(step, 'uses'));
      const kind = action && DEPLOY_ACTION.test(action) ? 'deploy' : action && RENDER_ACTION.test(action) ? 'render' : undefined;
      if (!kind) continue;
      const inputs = findValue(step, 'with');
      const scope: Scope = { env: new Map([...jobEnv, ...scalars(findValue(step, 'env'))]), matrix };
      const input = stringOf(findValue(inputs, 'task-definition'));
      if (input === undefined) continue;
      const fromStep = STEP_OUTPUT.exec(input.trim());
      const files = fromStep ? (outputs.get(fromStep[1]) ?? []) : resolve(input, scope).flatMap((path) => repositoryPath(path) ?? []);
      const id = stringOf(findValue(step, 'id'));
      if (kind === 'render' && id) outputs.set(id, files);
      const containerName = stringOf(findValue(inputs, 'container-name'));
      const containerNames = containerName === undefined ? [] : (resolve(containerName, scope)[0]?.split(',') ?? []);
      uses.push({ action: kind, files, containerNames: containerNames.map((name) => name.trim()).filter(Boolean) });
    }
  }
  return uses;
}

/** What `${{ env.X }}` and `${{ matrix.X }}` can stand for in one step. */
interface Scope {
  env: Map<string, string>;
  matrix: Map<string, string[]>;
}

/**
 * Every text an input can be once its expressions are filled in: none when one of them is not known
 * from the workflow (a secret, an input, another step's output), several for a matrix.
 */
function resolve(text: string, scope: Scope, depth = 0): string[] {
  const match = new RegExp(EXPRESSION).exec(text);
  if (!match) return [text];
  const values = valuesOf(match[1], scope);
  const results: string[] = [];
  for (const value of values) {
    const filled = text.slice(0, match.index) + value + text.slice(match.index + match[0].length);
    // An env value may itself hold an expression; four levels are more than any workflow uses.
    if (depth < 4) results.push(...resolve(filled, scope, depth + 1));
    if (results.length >= MAX_CANDIDATES) break;
  }
  return results.slice(0, MAX_CANDIDATES);
}

function valuesOf(expression: string, scope: Scope): string[] {
  const [context, name, ...rest] = expression.split('.');
  if (rest.length) return [];
  if (context === 'env' && scope.env.has(name)) return [scope.env.get(name)!];
  if (context === 'matrix') return scope.matrix.get(name) ?? [];
  // The actions resolve a relative path against GITHUB_WORKSPACE: `${{ github.workspace }}/x` is `x`.
  if (context === 'github' && name === 'workspace') return ['.'];
  return [];
}

/** A path as the repository names it (`a/b.json`), or undefined for one outside the repository. */
function repositoryPath(path: string): string | undefined {
  const text = path.trim().replace(/\\/g, '/');
  if (text.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (!segments.pop()) return undefined;
  }
  return segments.length ? segments.join('/') : undefined;
}

/** The string-valued members of an `env` mapping (numbers and booleans as GitHub writes them). */
function scalars(env: DocNode | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (env?.type !== 'object') return values;
  for (const property of env.children ?? []) {
    const value = valueOf(property);
    if (value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean'))
      values.set(property.children![0].value as string, String(value.value));
  }
  return values;
}

/** A job matrix's lists of scalars (`include` entries add their values). */
function matrixOf(matrix: DocNode | undefined): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  if (matrix?.type !== 'object') return lists;
  const add = (name: string, value: DocNode | undefined) => {
    if (value && (value.type === 'string' || value.type === 'number')) lists.set(name, [...(lists.get(name) ?? []), String(value.value)]);
  };
  for (const property of matrix.children ?? []) {
    const name = property.children![0].value as string;
    const value = valueOf(property);
    if (name === 'include' && value?.type === 'array') {
      for (const combination of value.children ?? [])
        for (const member of combination.children ?? []) add(member.children![0].value as string, valueOf(member));
    } else if (value?.type === 'array') {
      for (const element of value.children ?? []) add(name, element);
    }
  }
  return lists;
}

function stringOf(node: DocNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}
