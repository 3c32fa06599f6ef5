import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { API_DIALECT, booleanOf, CLOUDFORMATION_DIALECT, integerOf } from '../../../server/src/service/subjects/dialect';

const node = (value: unknown): DocNode => ({
  type: value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean'),
  offset: 0,
  length: 0,
  value,
});

describe('scalars a dialect reads', () => {
  it.each([
    [512, 512, 512],
    [-1, -1, -1],
    [0.5, undefined, undefined],
    ['512', undefined, 512],
    [' 512 ', undefined, 512],
    ['-8', undefined, -8],
    ['512MiB', undefined, undefined],
    ['x512', undefined, undefined],
    ['5 12', undefined, undefined],
    ['', undefined, undefined],
    [true, undefined, undefined],
    [null, undefined, undefined],
  ])('integerOf(%j): %j in the API, %j in CloudFormation', (value, api, cloudFormation) => {
    expect(integerOf(node(value), API_DIALECT)).toBe(api);
    expect(integerOf(node(value), CLOUDFORMATION_DIALECT)).toBe(cloudFormation);
  });

  it.each([
    [true, true, true],
    [false, false, false],
    ['true', undefined, true],
    [' FALSE ', undefined, false],
    ['True', undefined, true],
    ['yes', undefined, undefined],
    ['truee', undefined, undefined],
    ['xfalse', undefined, undefined],
    [1, undefined, undefined],
  ])('booleanOf(%j): %j in the API, %j in CloudFormation', (value, api, cloudFormation) => {
    expect(booleanOf(node(value), API_DIALECT)).toBe(api);
    expect(booleanOf(node(value), CLOUDFORMATION_DIALECT)).toBe(cloudFormation);
  });

  it('reads nothing from an absent value', () => {
    expect(integerOf(undefined, CLOUDFORMATION_DIALECT)).toBeUndefined();
    expect(booleanOf(undefined, CLOUDFORMATION_DIALECT)).toBeUndefined();
  });
});
