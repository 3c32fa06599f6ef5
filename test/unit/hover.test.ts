import { describe, expect, it } from 'vitest';
import { hover } from '../helpers/taskdef';

describe('hover', () => {
  it('describes a property in our words, with type, required and a link to the API reference', () => {
    const result = hover('{"family": "web", "containerDefinitions": [{"name": "a", "sec|rets": []}]}');
    expect(result!.contents).toEqual({
      kind: 'markdown',
      value: [
        '**secrets**: array of Secret (object)',
        '',
        'Environment variables whose values ECS fetches at start from Secrets Manager or SSM Parameter Store, with the execution role.',
        '',
        '[ContainerDefinition in the Amazon ECS API reference](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)',
      ].join('\n'),
    });
    expect(result!.range).toEqual({ start: { line: 0, character: 57 }, end: { line: 0, character: 66 } });
  });

  it('lists allowed values and says when a member is required, on keys and values', () => {
    const onValue = hover('{"containerDefinitions": [], "networkMode": "aw|svpc"}')!.contents as { value: string };
    expect(onValue.value).toContain('Allowed values: `awsvpc`, `bridge`, `host`, `none`');
    const family = hover('{"fam|ily": "x", "containerDefinitions": []}')!.contents as { value: string };
    expect(family.value.split('\n')[0]).toBe('**family**: string (required)');
    expect(family.value).toContain('API_RegisterTaskDefinition.html');
  });

  it('has a line for members without a description of ours', () => {
    const value = (hover('{"containerDefinitions": [{"linuxParameters": {"init|ProcessEnabled": true}}]}')!.contents as { value: string })
      .value;
    expect(value).toContain('**initProcessEnabled**: boolean');
    expect(value).toContain('API_LinuxParameters.html');
  });

  it('speaks plain text to clients without markdown', () => {
    const result = hover('{"containerDefinitions": [], "network|Mode": "host"}', false)!;
    expect(result.contents).toMatchObject({ kind: 'plaintext' });
    expect((result.contents as { value: string }).value).not.toContain('**');
  });

  it('is silent on unknown members and outside task definitions', () => {
    expect(hover('{"containerDefinitions": [], "fo|o": 1}')).toBeUndefined();
    expect(hover('{"na|me": "package"}')).toBeUndefined();
  });
});
