// ecs-taskdef-lint's command line (server/src/lintCli/args.ts): each value it checks is taken whole,
// and a refused one is named in the message (the CLI suites check the exit status and usage text).
import { describe, expect, it } from 'vitest';
import { parseLintArgs, USAGE } from '../../../server/src/lintCli/args';

const refusal = (argv: string[]) => {
  try {
    parseLintArgs(argv);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};

describe('parseLintArgs', () => {
  it('takes a whole number of warnings and nothing around it', () => {
    expect(parseLintArgs(['--max-warnings', '12', 'x.json']).maxWarnings).toBe(12);
    for (const value of ['1x', 'x1', '']) {
      expect(refusal(['--max-warnings', value, 'x.json'])).toBe(`--max-warnings takes a number of warnings (0 or more), not "${value}".`);
    }
  });

  it('takes a 12-digit account and a region name, whole', () => {
    expect(parseLintArgs(['--account', '111122223333', '--region', 'ap-southeast-10', 'x.json'])).toMatchObject({
      account: '111122223333',
      region: 'ap-southeast-10',
    });
    for (const value of ['1111222233334', 'x111122223333']) {
      expect(refusal(['--account', value, 'x.json'])).toBe(`--account must be a 12-digit AWS account ID, not "${value}".`);
    }
    for (const value of ['EU-west-1', 'eu-west-1x', 'eu-west']) {
      expect(refusal(['--region', value, 'x.json'])).toBe(`--region must be a region name such as eu-west-1, not "${value}".`);
    }
  });

  it('takes --rule as a known rule id and a level, whole', () => {
    expect(parseLintArgs(['--rule', 'arn-malformed=off', '--rule', 'unknown-property=hint', 'x.json']).rules).toEqual({
      'arn-malformed': 'off',
      'unknown-property': 'hint',
    });
    for (const entry of ['Xarn-malformed=off', 'arn-malformed=offx', 'nope=off', 'arn-malformed']) {
      expect(refusal(['--rule', entry, 'x.json'])).toBe(
        `--rule takes <rule-id>=off|error|warning|information|hint with a known rule id, not "${entry}".`,
      );
    }
  });

  it('has a usage text that names every option it takes', () => {
    expect(USAGE.startsWith('Usage: ecs-taskdef-lint [options] <file|dir|glob>...')).toBe(true);
    for (const option of [
      '--format',
      '--fix',
      '--fix-dry-run',
      '--max-warnings',
      '--fail-on',
      '--rule',
      '--stdin',
      '--policy',
      '--offline',
    ])
      expect(USAGE).toContain(option);
  });
});
