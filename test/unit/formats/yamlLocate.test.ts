// Where a cursor is in a YAML document (yamlAdapter.locate): what completion and hover build on.
// Each case gives the path, whether the cursor is on a key, and the text of the node and object.
import { describe, expect, it } from 'vitest';
import { yamlAdapter } from '../../../server/src/service/formats/yaml/yamlAdapter';

/** The location at the `|` of the text, with its nodes given as the text they cover. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const location = yamlAdapter.locate(yamlAdapter.parse(text), offset);
  if (!location) return undefined;
  const cover = (node?: { offset: number; length: number }) => node && text.slice(node.offset, node.offset + node.length);
  return { ...location, node: cover(location.node), object: cover(location.object) };
}

const TASK = 'family: web\ncontainerDefinitions:\n  - name: web\n';

describe('locate in YAML', () => {
  it('on a key being typed: its path ends in the word, and the object is the one of its siblings', () => {
    expect(at('family: web\nimag|\n')).toEqual({
      root: 0,
      path: ['imag'],
      onKey: true,
      node: 'imag',
      object: 'family: web\nimag\n',
      hasValue: false,
    });
    expect(at(`${TASK}    imag|\n`)).toEqual({
      root: 0,
      path: ['containerDefinitions', 0, 'imag'],
      onKey: true,
      node: 'imag',
      object: 'name: web\n    imag\n',
      hasValue: false,
    });
    // The whole word, also with the cursor inside it.
    expect(at(`${TASK}    im|age\n`)).toMatchObject({ path: ['containerDefinitions', 0, 'image'], node: 'image' });
  });

  it('skips comments and blank lines above to find the siblings', () => {
    expect(at('logConfiguration:\n  logDriver: awslogs\n  # the options\n\n  opt|\n')).toMatchObject({
      path: ['logConfiguration', 'opt'],
      object: 'logDriver: awslogs\n  # the options\n\n  opt\n',
    });
  });

  it('at the start of a line under a key with nothing after it: a member of the root there, not of the key', () => {
    expect(at('family: web\nlogConfiguration:\n|\n')).toEqual({
      root: 0,
      path: [''],
      onKey: true,
      object: 'family: web\nlogConfiguration:',
      hasValue: false,
    });
    expect(at('k: v\n  |')).toEqual({ root: 0, path: ['k', ''], onKey: true, hasValue: false });
  });

  it('on a new list item: the next element of the list above, however the list is indented', () => {
    expect(at(`${TASK}  - |\n`)).toEqual({ root: 0, path: ['containerDefinitions', 2, ''], onKey: true, hasValue: false });
    expect(at(`${TASK}    secrets:\n      - name: A\n        valueFrom: /a\n      - |\n`)).toMatchObject({
      path: ['containerDefinitions', 0, 'secrets', 2, ''],
    });
    expect(at(`${TASK}    secrets:\n    - |\n`)).toMatchObject({ path: ['containerDefinitions', 0, 'secrets', 1, ''] });
    expect(at(`${TASK}    secrets:\n    - name: A\n    - |\n`)).toMatchObject({ path: ['containerDefinitions', 0, 'secrets', 2, ''] });
    expect(at('x:\n  - a\n  - |\n')).toMatchObject({ path: ['x', 2, ''] });
    // A list under a key whose value is still a scalar is no list yet.
    expect(at('a: 1\n- |\n')).toBeUndefined();
  });

  it('on a written key: the property, and whether a value follows', () => {
    expect(at('fami|ly: web\n')).toEqual({
      root: 0,
      path: ['family'],
      onKey: true,
      node: 'family',
      object: 'family: web\n',
      hasValue: true,
    });
    expect(at('family|: web\n')).toMatchObject({ onKey: true, hasValue: true });
    expect(at('family  |: web\n')).toBeUndefined();
  });

  it('in a value, and after a key with nothing typed yet', () => {
    expect(at('family: we|b\n')).toEqual({ root: 0, path: ['family'], onKey: false, node: 'web' });
    expect(at('family: "we|b"\n')).toEqual({ root: 0, path: ['family'], onKey: false, node: '"web"' });
    expect(at('family: |\n')).toEqual({ root: 0, path: ['family'], onKey: false });
    expect(at('logConfiguration:\n  logDriver: |\n')).toEqual({ root: 0, path: ['logConfiguration', 'logDriver'], onKey: false });
    expect(at('- name: web\n  image: ng|inx\n')).toEqual({ root: 0, path: [0, 'image'], onKey: false, node: 'nginx' });
  });

  it("in a stream: the cursor's own document", () => {
    expect(at('a: 1\n---\nfamily: we|b\n')).toEqual({ root: 1, path: ['family'], onKey: false, node: 'web' });
    expect(at('a: 1\n---\nb: 2\n---\nfamily: |\n')).toEqual({ root: 2, path: ['family'], onKey: false });
    expect(at('a: 1|\n---\nb: 2\n')).toEqual({ root: 0, path: ['a'], onKey: false, node: '1' });
  });

  it('nowhere in an empty document, between members, or on a collection', () => {
    expect(at('|')).toBeUndefined();
    expect(at('a: [1, |2]\n')).toEqual({ root: 0, path: ['a', 1], onKey: false, node: '2' });
    expect(at('a: [1,| 2]\n')).toBeUndefined();
  });

  it.each([
    // The line's end is the word's end, with or without a line break or more lines after it.
    ['family: web\nimag|', { path: ['imag'], onKey: true, node: 'imag' }],
    ['imag|\nfamily: web\n', { path: ['imag'], onKey: true, node: 'imag', object: 'imag\nfamily: web\n' }],
    ['family: web\nimag| # note\n', { path: ['imag'], onKey: true, node: 'imag' }],
    // More than one space after a list item's dash.
    ['l:\n  -  imag|\n', { path: ['l', 1, 'imag'], onKey: true, node: 'imag' }],
    ['a:\n  -  b: |\n', { path: ['a', 0, 'b'], onKey: false }],
    // White space after the cursor, after the colon.
    ['family: web\ncpu: |   \n', { path: ['cpu'], onKey: false }],
    ['family:   |\n', { path: ['family'], onKey: false }],
    // Comments and blank lines between a key being typed and its siblings.
    ['family: web\n  # c\nimag|\n', { path: ['imag'], object: 'family: web\n  # c\nimag\n' }],
    ['a:\n  b: 1\n\n\n  c|\n', { path: ['a', 'c'], object: 'b: 1\n\n\n  c\n' }],
    // Indented under a scalar, at the top of a document, in lists of mappings.
    ['family: x\n  |\n', { path: ['family', ''], onKey: true }],
    ['|\na: 1\n', { path: [''], onKey: true, object: 'a: 1\n' }],
    ['a:\n  - x: 1\n    y: 2\n  - |\n', { path: ['a', 2, ''], onKey: true }],
    ['a:\n  b:\n  - |\n', { path: ['a', 'b', 1, ''], onKey: true }],
    // The first character of a document's marker line belongs to that document.
    ['a: 1\n|---\nb: 2\n', { root: 1 }],
  ])('at %j', (marked, expected) => {
    expect(at(marked)).toMatchObject(expected);
  });

  it('finds no key in a comment', () => {
    expect(at('x: y # c: |\n')).toBeUndefined();
  });
});
