// Which format reads a document: what decides between JSON, YAML and Terraform for every file the
// server or the linter is given.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../server/src/service/formats';

const formatOf = (languageId: string, uri: string, text = '') => adapterFor(languageId, uri, text).id;

describe('adapterFor', () => {
  it("takes the editor's language id first, whatever the file is called", () => {
    expect(formatOf('json', 'file:///a.yaml')).toBe('json');
    expect(formatOf('jsonc', 'file:///a.tf')).toBe('json');
    expect(formatOf('json-cloudformation', 'file:///a.template')).toBe('json');
    expect(formatOf('yaml', 'file:///a.json')).toBe('yaml');
    expect(formatOf('yaml-cloudformation', 'file:///a.template')).toBe('yaml');
    expect(formatOf('terraform', 'file:///a.json')).toBe('terraform');
    expect(formatOf('hcl', 'file:///a.hcl')).toBe('terraform');
  });

  it('else the file name: .yaml, .yml, .tf, .json and .jsonc, in any case', () => {
    expect(formatOf('', 'file:///a.yaml', '{')).toBe('yaml');
    expect(formatOf('', 'file:///a.YML', '{')).toBe('yaml');
    expect(formatOf('', 'file:///main.tf', '{')).toBe('terraform');
    expect(formatOf('', 'file:///a.json', 'family: x')).toBe('json');
    expect(formatOf('', 'file:///a.JSONC', 'family: x')).toBe('json');
  });

  it('reads Terraform written in JSON (.tf.json) and names that only contain an extension by their content', () => {
    expect(formatOf('', 'file:///main.tf.json', 'family: x')).toBe('json');
    expect(formatOf('', 'file:///a.yaml.bak', '{}')).toBe('json');
    expect(formatOf('', 'file:///a.tf.bak', 'family: x')).toBe('yaml');
    expect(formatOf('', 'file:///a.json.tpl', 'family: x')).toBe('yaml');
  });

  it('else the content: a { or [ first (after a byte order mark and white space) is JSON, anything else YAML', () => {
    expect(formatOf('cloudformation', 'file:///stack.template', '\uFEFF\n  {"Resources": {}}')).toBe('json');
    expect(formatOf('', 'file:///stack.cfn', '[1]')).toBe('json');
    expect(formatOf('', 'file:///stack.cfn', 'Resources: {}')).toBe('yaml');
    expect(formatOf('', 'file:///stack.cfn', '# {\n')).toBe('yaml');
    expect(formatOf('', 'file:///stack.cfn', 'x: {')).toBe('yaml');
  });
});
