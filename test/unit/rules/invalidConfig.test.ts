import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../../server/src/service';
import { analyze, textAt } from '../../helpers/taskdef';

const RULE = 'invalid-config';
const run = (text: string, name = '.ecs-taskdef.yaml') =>
  analyze(text, {}, {}, name).map((f) => [f.ruleId, f.severity, textAt(text, f), f.message]);

describe('invalid-config', () => {
  it('reads every setting of a valid config, and reports nothing', () => {
    const text = `rules:
  plaintext-secret: warning
  container-memory: off
deployedBy: deploy-action
files: ["deploy/*.json"]
containerDefinitionFiles: [defs.json]
ignore:
  - legacy/**
overrides:
  - files: [ops/*.json]
    rules: { cross-account-reference: warning }
`;
    expect(run(text)).toEqual([]);
    expect(parseProjectConfig(text, '.ecs-taskdef.yaml').config).toEqual({
      rules: { 'plaintext-secret': 'warning', 'container-memory': 'off' },
      deployedBy: 'deploy-action',
      files: ['deploy/*.json'],
      containerDefinitionFiles: ['defs.json'],
      ignore: ['legacy/**'],
      overrides: [{ files: ['ops/*.json'], rules: { 'cross-account-reference': 'warning' } }],
    });
  });

  it('reports unknown settings and rule ids with the closest name, bad values, and AWS settings, on the offending text', () => {
    const text = `rule:
  x: off
rules:
  plaintext-secrt: warning
  arn-malformed: loud
deployedBy: github
ignore: legacy/**
overrides:
  - rules: { arn-malformed: off }
  - files: [a.json]
    rule: {}
profile: prod
`;
    expect(run(text)).toEqual([
      [
        RULE,
        'error',
        'rule',
        'Unknown setting "rule"; did you mean "rules"? The config takes rules, deployedBy, files, containerDefinitionFiles, ignore, overrides.',
      ],
      [
        RULE,
        'error',
        'plaintext-secrt',
        'Unknown rule id "plaintext-secrt"; did you mean "plaintext-secret"? See docs/rules.md for every rule.',
      ],
      [RULE, 'error', 'loud', 'The setting of "arn-malformed" is one of off, error, warning, information, hint.'],
      [RULE, 'error', 'github', '"deployedBy" is one of auto, cli, deploy-action.'],
      [RULE, 'error', 'legacy/**', '"ignore" is a list of globs, such as ["deploy/**/*.json"].'],
      [RULE, 'error', 'rules', 'This override has no "files": it would apply to nothing.'],
      [RULE, 'error', 'rule', 'An override takes "files" and "rules", not "rule".'],
      [
        RULE,
        'error',
        'profile',
        '"profile" is not read from a project config: AWS access and the server are set on each machine (editor settings or command-line flags), never by a repository.',
      ],
    ]);
    // What is valid still applies.
    expect(parseProjectConfig(text, '.ecs-taskdef.yaml').config.overrides).toEqual([{ files: ['a.json'], rules: {} }]);
  });

  it('reads the JSON form, and reports its syntax as any JSON file', () => {
    expect(run('{ "rules": { "arn-malformed": "off" } }', '.ecs-taskdef.json')).toEqual([]);
    expect(run('{ "rules": { "arn-malformed": "off" }, "aws": { "profile": "x" } }', '.ecs-taskdef.json').map((f) => f[2])).toEqual([
      '"aws"',
    ]);
    expect(run('{ "rules": [ }', '.ecs-taskdef.json').map((f) => f[0])).toContain('invalid-json');
    expect(run('- rules', '.ecs-taskdef.yml').map((f) => f[3])).toEqual([
      'The project config is a mapping of settings (rules, deployedBy, files, containerDefinitionFiles, ignore, overrides).',
    ]);
  });

  it('is never a task definition, and other files are never a config', () => {
    const config = '{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "b" } ] }';
    expect(run(config, '.ecs-taskdef.json').map((f) => f[3])).toEqual([
      'Unknown setting "family". The config takes rules, deployedBy, files, containerDefinitionFiles, ignore, overrides.',
      'Unknown setting "containerDefinitions"; did you mean "containerDefinitionFiles"? The config takes rules, deployedBy, files, containerDefinitionFiles, ignore, overrides.',
    ]);
    expect(analyze('rules: { nope: off }\n', {}, {}, 'ecs-taskdef.yaml')).toEqual([]);
  });
});
