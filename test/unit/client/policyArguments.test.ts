import { describe, expect, it } from 'vitest';
import { policyCommandArguments } from '../../../client/src/policyArguments';

const editor = { uri: 'file:///w/template.yaml', cursor: { line: 12, character: 4 } };

describe('the arguments of the policy command', () => {
  it('takes the active document and cursor when run from the command palette', () => {
    expect(policyCommandArguments([], editor)).toEqual(['file:///w/template.yaml', { line: 12, character: 4 }]);
  });

  it('passes on a document and position it was given, and the denied actions only with a position', () => {
    const position = { line: 3, character: 0 };
    expect(policyCommandArguments(['file:///w/a.json', position], editor)).toEqual(['file:///w/a.json', position]);
    expect(policyCommandArguments(['file:///w/a.json', position, ['kms:Decrypt']], editor)).toEqual([
      'file:///w/a.json',
      position,
      ['kms:Decrypt'],
    ]);
    // A document without a position is not given the cursor of another document.
    expect(policyCommandArguments(['file:///w/a.json'], editor)).toEqual(['file:///w/a.json']);
  });

  it('passes no position when there is no editor', () => {
    expect(policyCommandArguments([], undefined)).toEqual([undefined]);
  });
});
