// Where a cursor is in a Terraform file (terraformAdapter.locate): on a key, in a value, or on a
// line tree-sitter could not read yet, which is most of what a user is typing.
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../server/src/service/document/node';
import { terraformAdapter } from '../../../server/src/service/formats/terraform/terraformAdapter';

/** The location at the `|` of `marked`, with its nodes as the text they cover. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const location = terraformAdapter.locate(terraformAdapter.parse(text), offset);
  if (!location) return undefined;
  const span = (node: DocNode | undefined) => node && text.slice(node.offset, node.offset + node.length);
  return {
    path: location.path,
    onKey: location.onKey,
    node: span(location.node),
    object: span(location.object),
    hasValue: location.hasValue,
  };
}

const block = (body: string) => `r "a" "b" {\n${body}\n}\n`;
const BODY = ['r', 'a', 'b'];

describe('the cursor in a Terraform file', () => {
  it('is on a key from its first character to just after its last', () => {
    for (const marked of [block('  fam|ily = "web"'), block('  family| = "web"'), block('  |family = "web"')]) {
      expect(at(marked), marked).toEqual({
        path: [...BODY, 'family'],
        onKey: true,
        node: 'family',
        object: '{\n  family = "web"\n}',
        hasValue: true,
      });
    }
  });

  it('is in a string, a number, or an expression it is inside of', () => {
    expect(at(block('  family = "w|eb"'))).toMatchObject({ path: [...BODY, 'family'], onKey: false, node: '"web"' });
    expect(at(block('  cpu = 2|56'))).toMatchObject({ path: [...BODY, 'cpu'], onKey: false, node: '256' });
    expect(at(block('  cpu = var|.cpu'))).toMatchObject({ path: [...BODY, 'cpu'], onKey: false, node: 'var.cpu' });
    expect(at(block('  cpu = |var.cpu'))).toBeUndefined();
  });

  it('is on a word being typed alone on its line, the whole word, even as the first of a block', () => {
    const typing = { path: [...BODY, 'netw'], onKey: true, node: 'netw', hasValue: false };
    expect(at(block('  netw|'))).toMatchObject(typing);
    expect(at(block('  ne|tw'))).toMatchObject(typing);
    expect(at(block('  family = "web"\n  netw|'))).toMatchObject(typing);
    expect(at(block('  |'))).toEqual({ path: [...BODY, ''], onKey: true, node: undefined, object: '{\n  \n}', hasValue: false });
    expect(at('r "a" "b" {\n  b {\n    |\n  }\n}\n')).toMatchObject({ path: [...BODY, 'b', ''], onKey: true });
  });

  it('is on a new key after "{" or "," of a one-line object', () => {
    expect(at(block('  o = { name = "A", | }'))).toMatchObject({
      path: [...BODY, 'o', ''],
      onKey: true,
      node: undefined,
      object: '{ name = "A",  }',
    });
    expect(at(block('  o = { name = "A", va| }'))).toMatchObject({ path: [...BODY, 'o', 'va'], onKey: true, node: 'va' });
  });

  it('is on the value of "name =" with nothing after it yet', () => {
    for (const marked of [block('  name = |'), block('  name =|')]) {
      expect(at(marked), marked).toEqual({
        path: [...BODY, 'name'],
        onKey: false,
        node: undefined,
        object: undefined,
        hasValue: undefined,
      });
    }
  });

  it("is nowhere a member goes: in a tuple, before a word with more after it, or in a heredoc's JSON between members", () => {
    expect(at(block('  t = [1, |]'))).toBeUndefined();
    expect(at(block('  container_definitions = <<EOF\n[{"name": "w", |}]\nEOF'))).toBeUndefined();
    expect(at(block('  container_definitions = <<EOF\n[{"na|me": "w"}]\nEOF'))).toMatchObject({
      path: [...BODY, 'container_definitions', 0, 'name'],
      onKey: true,
      node: '"name"',
      hasValue: true,
    });
  });
});
