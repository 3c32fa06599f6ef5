import { readProjectConfig } from '../config/projectConfig';
import type { DocumentRule } from './rule';

export const invalidConfig: DocumentRule = {
  id: 'invalid-config',
  title: 'Project config setting not used',
  description:
    'Reports what the project config (`.ecs-taskdef.yaml`, `.ecs-taskdef.yml` or `.ecs-taskdef.json`) holds but cannot use: an unknown setting (with the closest known one), an unknown rule id, a rule setting other than off, error, warning, information or hint, a `deployedBy` other than auto, cli or deploy-action, globs that are not a list of strings, an override without `files`, and AWS or server settings, which are never read from a repository. The rest of the config still applies.',
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    if (!ctx.model.configFile) return [];
    return readProjectConfig(ctx.model.document).problems.map((problem) => ({
      ruleId: 'invalid-config',
      severity: problem.severity,
      message: problem.message,
      range: ctx.range(problem.node.offset, problem.node.length),
    }));
  },
};
