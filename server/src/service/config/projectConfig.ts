// The project config, `.ecs-taskdef.yaml` (or `.yml`, `.json`): what a team decides once for the
// editor, pre-commit and CI alike (docs/configuration.md). Read from the document tree like any
// other file; the host finds it and matches its globs (server/src/projectConfig.ts). It holds no
// AWS setting by design: a repository, trusted or not, never picks credentials, regions or binaries.
import { closestNames } from '../closestName';
import { findValue } from '../document/navigate';
import { keyOf, valueOf, type DocNode } from '../document/node';
import type { ParsedDocument } from '../document/parsedDocument';
import { adapterFor } from '../formats';
import { DEPLOYED_BY_SETTINGS, type DeployedBySetting } from '../deployment/deployment';
import type { RuleSetting } from '../options';
import { RULE_IDS } from '../rules/ruleIds';

/** The file names the config goes by, in the order they are looked for in one directory. */
export const CONFIG_FILE_NAMES = ['.ecs-taskdef.yaml', '.ecs-taskdef.yml', '.ecs-taskdef.json'];

/** True for a path or URI that names a project config. */
export function isConfigFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return CONFIG_FILE_NAMES.includes(name);
}

/** Rule settings for the files some globs match, on top of the config's own. */
export interface ConfigOverride {
  files: string[];
  rules: Partial<Record<string, RuleSetting>>;
}

/** What a project config says; globs are relative to the config's directory. */
export interface ProjectConfig {
  rules: Partial<Record<string, RuleSetting>>;
  deployedBy?: DeployedBySetting;
  files: string[];
  containerDefinitionFiles: string[];
  ignore: string[];
  overrides: ConfigOverride[];
}

/** A part of the config that is not used, and why. */
export interface ConfigProblem {
  node: DocNode;
  message: string;
  severity: 'error' | 'warning';
}

const KEYS = ['rules', 'deployedBy', 'files', 'containerDefinitionFiles', 'ignore', 'overrides'];
/** Editor and command-line settings a user may look for here: they stay on the user's machine. */
const MACHINE_KEYS = new Set(['aws', 'profile', 'region', 'account', 'endpoint', 'endpointUrl', 'server', 'serverPath', 'credentials']);
const SETTINGS = new Set<string>(['off', 'error', 'warning', 'information', 'hint']);

/** The config in a config file's text (named `.ecs-taskdef.json` or YAML), and what in it is not used. */
export function parseProjectConfig(text: string, fileName: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  return readProjectConfig(adapterFor('', fileName, text).parse(text));
}

/** The config a parsed document holds, and every part of it that is not used. */
export function readProjectConfig(document: ParsedDocument): { config: ProjectConfig; problems: ConfigProblem[] } {
  const config: ProjectConfig = { rules: {}, files: [], containerDefinitionFiles: [], ignore: [], overrides: [] };
  const problems: ConfigProblem[] = [];
  const problem = (node: DocNode, message: string, severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ node, message, severity });
  const root = document.roots[0];
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    problem(root, 'The project config is a mapping of settings (rules, deployedBy, files, containerDefinitionFiles, ignore, overrides).');
    return { config, problems };
  }
  for (const property of root.children ?? []) {
    const key = keyOf(property);
    const name = key.value as string;
    const value = valueOf(property);
    if (MACHINE_KEYS.has(name)) {
      problem(
        key,
        `"${name}" is not read from a project config: AWS access and the server are set on each machine (editor settings or command-line flags), never by a repository.`,
      );
    } else if (!KEYS.includes(name)) {
      const [best] = closestNames(name, KEYS);
      problem(key, `Unknown setting "${name}"${best ? `; did you mean "${best}"?` : '.'} The config takes ${KEYS.join(', ')}.`);
    } else if (value) {
      readSetting(name, value, config, problem);
    }
  }
  return { config, problems };
}

type Report = (node: DocNode, message: string, severity?: ConfigProblem['severity']) => void;

function readSetting(name: string, value: DocNode, config: ProjectConfig, problem: Report): void {
  switch (name) {
    case 'rules':
      config.rules = readRules(value, problem);
      return;
    case 'deployedBy':
      if (value.type === 'string' && DEPLOYED_BY_SETTINGS.includes(value.value as DeployedBySetting)) config.deployedBy = value.value;
      else problem(value, `"deployedBy" is one of ${DEPLOYED_BY_SETTINGS.join(', ')}.`);
      return;
    case 'files':
    case 'containerDefinitionFiles':
    case 'ignore':
      config[name] = readGlobs(name, value, problem);
      return;
    case 'overrides':
      config.overrides = readOverrides(value, problem);
  }
}

function readRules(value: DocNode, problem: Report): Partial<Record<string, RuleSetting>> {
  const rules: Partial<Record<string, RuleSetting>> = {};
  if (value.type !== 'object') {
    problem(value, '"rules" maps rule ids to off, error, warning, information or hint.');
    return rules;
  }
  for (const property of value.children ?? []) {
    const key = keyOf(property);
    const id = key.value as string;
    const setting = valueOf(property);
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      const [best] = closestNames(id, RULE_IDS);
      problem(key, `Unknown rule id "${id}"${best ? `; did you mean "${best}"?` : '.'} See docs/rules.md for every rule.`);
    } else if (setting?.type !== 'string' || !SETTINGS.has(setting.value as string)) {
      problem(setting ?? key, `The setting of "${id}" is one of off, error, warning, information, hint.`);
    } else {
      rules[id] = setting.value as RuleSetting;
    }
  }
  return rules;
}

function readGlobs(name: string, value: DocNode, problem: Report): string[] {
  if (value.type !== 'array') {
    problem(value, `"${name}" is a list of globs, such as ["deploy/**/*.json"].`);
    return [];
  }
  const globs: string[] = [];
  for (const element of value.children ?? []) {
    if (element.type === 'string' && (element.value as string).trim()) globs.push(element.value as string);
    else problem(element, `Each entry of "${name}" is a glob written as a string.`);
  }
  return globs;
}

function readOverrides(value: DocNode, problem: Report): ConfigOverride[] {
  if (value.type !== 'array') {
    problem(value, '"overrides" is a list of { files: [globs], rules: { ... } }.');
    return [];
  }
  const overrides: ConfigOverride[] = [];
  for (const element of value.children ?? []) {
    if (element.type !== 'object') {
      problem(element, 'Each override is a mapping with "files" and "rules".');
      continue;
    }
    for (const property of element.children ?? []) {
      const key = keyOf(property);
      if (key.value !== 'files' && key.value !== 'rules') problem(key, `An override takes "files" and "rules", not "${key.value}".`);
    }
    const files = findValue(element, 'files');
    const rules = findValue(element, 'rules');
    if (!files) {
      // On its first key: a YAML mapping's range runs on to the next line.
      problem(element.children?.length ? keyOf(element.children[0]) : element, 'This override has no "files": it would apply to nothing.');
      continue;
    }
    overrides.push({ files: readGlobs('files', files, problem), rules: rules ? readRules(rules, problem) : {} });
  }
  return overrides;
}
