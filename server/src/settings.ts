// The `ecsTaskDef` settings: their type, defaults, and the one place raw client values are parsed.
import type { AnalysisOptions } from './service';

/** Settings under the `ecsTaskDef` section, as every client sends them. */
export interface Settings {
  /** Globs of files always treated as task definitions. */
  files: string[];
  /** Globs of files whose root array is a list of container definitions. */
  containerDefinitionFiles: string[];
  /** The task's account when the document names no role ARN; '' when unknown. */
  account: string;
  aws: {
    /** The task's region when the document has no awslogs-region; '' when unknown. */
    region: string;
  };
  validate: {
    /** Report JSON syntax errors (`invalid-json`). */
    syntax: boolean;
  };
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
  aws: { region: '' },
  validate: { syntax: true },
};

/** Reads whatever a client sent for the section, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: unknown): Settings {
  const value = isObject(raw) ? raw : {};
  const aws = isObject(value.aws) ? value.aws : {};
  const validate = isObject(value.validate) ? value.validate : {};
  return {
    files: stringArray(value.files) ?? DEFAULT_SETTINGS.files,
    containerDefinitionFiles: stringArray(value.containerDefinitionFiles) ?? DEFAULT_SETTINGS.containerDefinitionFiles,
    account: typeof value.account === 'string' && /^(\d{12})?$/.test(value.account.trim()) ? value.account.trim() : DEFAULT_SETTINGS.account,
    aws: { region: typeof aws.region === 'string' ? aws.region.trim() : DEFAULT_SETTINGS.aws.region },
    validate: { syntax: typeof validate.syntax === 'boolean' ? validate.syntax : DEFAULT_SETTINGS.validate.syntax },
  };
}

/** The part of the settings the analysis core reads. */
export function toAnalysisOptions(settings: Settings): AnalysisOptions {
  return {
    account: settings.account || undefined,
    region: settings.aws.region || undefined,
    reportSyntaxErrors: settings.validate.syntax,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
