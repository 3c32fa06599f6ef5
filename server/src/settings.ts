// The `ecsTaskDef` settings: their type, defaults, and the one place raw client values are parsed.
import type { CatalogScope } from './catalog/accountCatalog';
import {
  chooseDeployment,
  DEPLOYED_BY_SETTINGS,
  RULE_IDS,
  type Deployment,
  type AnalysisOptions,
  type CatalogAccess,
  type DeployedBySetting,
  type RuleSetting,
} from './service';

/** Settings under the `ecsTaskDef` section, as every client sends them. */
export interface Settings {
  /** Globs of files always treated as task definitions. */
  files: string[];
  /** Globs of files whose root array is a list of container definitions. */
  containerDefinitionFiles: string[];
  /** The task's account when the document names no role ARN; '' when unknown. */
  account: string;
  aws: {
    /** Make AWS calls (list secrets and parameters) at all. */
    enabled: boolean;
    /** A profile from the shared config files; '' for the SDK's default chain (AWS_PROFILE, ...). */
    profile: string;
    /** The region to list and the task's region when the document has no awslogs-region; '' for the chain's region. */
    region: string;
    /** How long listed secrets and parameters stay fresh, in seconds. */
    cacheTtlSeconds: number;
  };
  validate: {
    /** Report JSON syntax errors (`invalid-json`). */
    syntax: boolean;
  };
  /** Who registers the task definition files: `auto` reads the workspace's GitHub workflows (docs/deployment.md). */
  deployedBy: DeployedBySetting;
  /** Rule id to `off` or a severity that replaces the rule's own. */
  rules: Partial<Record<string, RuleSetting>>;
}

/** Defaults for clients that send nothing. VS Code sends its manifest's defaults instead. */
export const DEFAULT_SETTINGS: Settings = {
  files: [],
  containerDefinitionFiles: [
    '**/*container-definition*.json',
    '**/*container_definition*.json',
    '**/*containerdefinition*.json',
    '**/*container-definitions*.json',
    '**/*container_definitions*.json',
  ],
  account: '',
  aws: { enabled: true, profile: '', region: '', cacheTtlSeconds: 300 },
  validate: { syntax: true },
  deployedBy: 'auto',
  rules: {},
};

const RULE_SETTINGS = new Set<string>(['off', 'error', 'warning', 'information', 'hint']);

/** Reads whatever a client sent for the section, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const value = isObject(raw) ? raw : {};
  const aws = isObject(value.aws) ? value.aws : {};
  const validate = isObject(value.validate) ? value.validate : {};
  return {
    files: stringArray(value.files) ?? DEFAULT_SETTINGS.files,
    containerDefinitionFiles: stringArray(value.containerDefinitionFiles) ?? DEFAULT_SETTINGS.containerDefinitionFiles,
    account:
      typeof value.account === 'string' && /^(\d{12})?$/.test(value.account.trim()) ? value.account.trim() : DEFAULT_SETTINGS.account,
    aws: {
      enabled: typeof aws.enabled === 'boolean' ? aws.enabled : DEFAULT_SETTINGS.aws.enabled,
      profile: typeof aws.profile === 'string' ? aws.profile.trim() : DEFAULT_SETTINGS.aws.profile,
      region:
        typeof aws.region === 'string' && /^(([a-z]+-)+\d+)?$/.test(aws.region.trim()) ? aws.region.trim() : DEFAULT_SETTINGS.aws.region,
      cacheTtlSeconds:
        typeof aws.cacheTtlSeconds === 'number' && aws.cacheTtlSeconds >= 0 ? aws.cacheTtlSeconds : DEFAULT_SETTINGS.aws.cacheTtlSeconds,
    },
    validate: { syntax: typeof validate.syntax === 'boolean' ? validate.syntax : DEFAULT_SETTINGS.validate.syntax },
    deployedBy: DEPLOYED_BY_SETTINGS.includes(value.deployedBy as DeployedBySetting)
      ? (value.deployedBy as DeployedBySetting)
      : DEFAULT_SETTINGS.deployedBy,
    rules: parseRuleSettings(value.rules),
  };
}

/** Which credentials and region the settings choose; undefined when AWS calls are off. */
export function catalogScope(settings: Settings, trusted: boolean): CatalogScope | undefined {
  if (!settings.aws.enabled || !trusted) return undefined;
  return { profile: settings.aws.profile || undefined, region: settings.aws.region || undefined };
}

/** The part of the settings the analysis core reads, with the account's catalog when there is one. */
export function toAnalysisOptions(settings: Settings, catalog?: CatalogAccess, detected?: Deployment): AnalysisOptions {
  return {
    catalog,
    deployment: chooseDeployment(settings.deployedBy, detected),
    account: settings.account || undefined,
    region: settings.aws.region || undefined,
    reportSyntaxErrors: settings.validate.syntax,
    rules: settings.rules,
  };
}

/** Known rule ids with a known setting; anything else is ignored rather than failing the whole section. */
export function parseRuleSettings(raw: unknown): Partial<Record<string, RuleSetting>> {
  if (!isObject(raw)) return {};
  const known = new Set<string>(RULE_IDS);
  return Object.fromEntries(
    Object.entries(raw).filter(([id, setting]) => known.has(id) && typeof setting === 'string' && RULE_SETTINGS.has(setting)),
  ) as Partial<Record<string, RuleSetting>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
