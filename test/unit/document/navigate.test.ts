// Walking the format-neutral tree (server/src/service/document/navigate.ts): by path with
// duplicated keys, by offset at a node's very ends, and back up from a node to its path.
import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  findArray,
  findProperty,
  innermostAt,
  memberPathOf,
  nodeAtPath,
  pathOf,
} from '../../../server/src/service/document/navigate';
import type { DocNode } from '../../../server/src/service/document/node';
import { jsonAdapter } from '../../../server/src/service/formats/json/jsonAdapter';

function rootOf(text: string): DocNode {
  const root = jsonAdapter.parse(text).roots[0];
  if (!root) throw new Error(`no root in ${text}`);
  return root;
}

/** The text of a node, for readable expectations. */
const textOf = (text: string, node: DocNode | undefined) => node && text.slice(node.offset, node.offset + node.length);

describe('nodeAtPath', () => {
  it('follows names and indexes', () => {
    const text = '{"a": [{"b": 1}, {"b": 2}]}';
    expect(textOf(text, nodeAtPath(rootOf(text), ['a', 1, 'b']))).toBe('2');
    expect(nodeAtPath(rootOf(text), ['a', 2, 'b'])).toBeUndefined();
  });

  it('takes an index only in an array and a name only in an object', () => {
    const text = '{"a": {"0": 1}, "b": [1]}';
    expect(nodeAtPath(rootOf(text), ['a', 0])).toBeUndefined();
    expect(nodeAtPath(rootOf(text), ['b', 'length'])).toBeUndefined();
    expect(nodeAtPath(rootOf(text), ['a', '0', 'x'])).toBeUndefined();
  });

  it('of a duplicated key takes the last one, as JSON.parse does', () => {
    const text = '{"a": {"x": 1}, "a": {"x": 2}}';
    expect(textOf(text, nodeAtPath(rootOf(text), ['a', 'x']))).toBe('2');
    expect(textOf(text, nodeAtPath(rootOf(text), ['a']))).toBe('{"x": 2}');
  });

  it('of a duplicated key takes the last one that leads down the whole path', () => {
    const text = '{"r": {"x": {"y": 1}}, "r": {"z": 2}, "r": {"x": {"w": 3}}}';
    expect(textOf(text, nodeAtPath(rootOf(text), ['r', 'x', 'y']))).toBe('1');
    expect(textOf(text, nodeAtPath(rootOf(text), ['r', 'z']))).toBe('2');
    expect(nodeAtPath(rootOf(text), ['r', 'v'])).toBeUndefined();
    // Only the duplicated key's values are searched, not a sibling that happens to hold the rest.
    const sibling = '{"r": {"z": 1}, "r": {"z": 2}, "q": {"x": 9}}';
    expect(nodeAtPath(rootOf(sibling), ['r', 'x'])).toBeUndefined();
  });

  it('does not read an array of pairs as an object', () => {
    expect(nodeAtPath(rootOf('{"a": [["x", 5]]}'), ['a', 'x'])).toBeUndefined();
  });

  it('starts at `from` in the path', () => {
    const text = '{"b": {"c": 3}}';
    expect(textOf(text, nodeAtPath(rootOf(text), ['skipped', 'b', 'c'], 1))).toBe('3');
    expect(nodeAtPath(undefined, ['b'])).toBeUndefined();
  });
});

describe('innermostAt', () => {
  const text = '{"a": [10, 20]}';

  it('finds the innermost node holding the offset, ends included', () => {
    const root = rootOf(text);
    expect(textOf(text, innermostAt(root, text.indexOf('10')))).toBe('10');
    expect(textOf(text, innermostAt(root, text.indexOf('10') + 2))).toBe('10');
    expect(textOf(text, innermostAt(root, text.indexOf('[')))).toBe('[10, 20]');
    expect(textOf(text, innermostAt(root, 0))).toBe(text);
    expect(textOf(text, innermostAt(root, text.length))).toBe(text);
  });

  it('finds nothing outside the root', () => {
    const root = rootOf(` ${text}`);
    expect(innermostAt(root, 0)).toBeUndefined();
    expect(innermostAt(root, text.length + 2)).toBeUndefined();
    expect(innermostAt(undefined, 0)).toBeUndefined();
  });
});

describe('paths and anchors', () => {
  const text = '{"containerDefinitions": [{"name": "a"}, {"secrets": [{"name": "S"}]}]}';

  it('gives a node its path from the root, indexes for array elements', () => {
    const root = rootOf(text);
    const name = innermostAt(root, text.indexOf('"S"'))!;
    expect(pathOf(name)).toEqual(['containerDefinitions', 1, 'secrets', 0, 'name']);
    expect(memberPathOf(name)).toEqual(['containerDefinitions', 1, 'secrets', 0, 'name']);
    expect(pathOf(root)).toEqual([]);
  });

  it("gives a property node its member's path, also when broken text left out its value", () => {
    const broken = '{"options": {"awslogs-group": "g", "awslogs-multiline-pattern": }}';
    const root = jsonAdapter.parse(broken).roots[0]!;
    const property = innermostAt(root, broken.indexOf('"awslogs-multiline-pattern"'))!.parent!;
    expect(property.type).toBe('property');
    expect(property.children).toHaveLength(1);
    expect(pathOf(property)).toEqual(['options', 'awslogs-multiline-pattern']);
    expect(memberPathOf(property)).toEqual(['options', 'awslogs-multiline-pattern']);
  });

  it('anchors a member at its key, an element and the root at their first character', () => {
    const root = rootOf(text);
    const list = nodeAtPath(root, ['containerDefinitions'])!;
    expect(anchorOf(list)).toEqual({ offset: text.indexOf('"containerDefinitions"'), length: '"containerDefinitions"'.length });
    expect(anchorOf(list.children![1])).toEqual({ offset: text.indexOf('{"secrets"'), length: 1 });
    expect(anchorOf(root)).toEqual({ offset: 0, length: 1 });
  });

  it('finds the last of duplicated properties, and arrays only where they are', () => {
    const dup = '{"a": 1, "a": [2]}';
    const root = rootOf(dup);
    expect(textOf(dup, findProperty(root, 'a'))).toBe('"a": [2]');
    expect(findArray(root, 'a').map((n) => n.value)).toEqual([2]);
    expect(findArray(rootOf('{"a": 1}'), 'a')).toEqual([]);
    expect(findProperty(rootOf('[1]'), 'a')).toBeUndefined();
  });
});
