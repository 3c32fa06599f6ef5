// Template sources: files that are JSON or YAML only once a template engine has rendered them.
import { describe, expect, it } from 'vitest';
import { firstDirective, isTemplateFile } from '../../../server/src/service/formats/templateDirectives';

describe('isTemplateFile', () => {
  it.each(['taskdef.json.tpl', 'taskdef.TMPL', 'task.gotmpl', 'task.yaml.j2', 'task.jinja', 'task.jinja2', 'stack.template.json'])(
    'takes %s for a template source',
    (name) => expect(isTemplateFile(`file:///w/${name}`)).toBe(true),
  );

  it.each(['taskdef.json', 'taskdef.tpl.json.bak', 'task.j2.yaml', 'task.jinja3', 'stack.template.json.orig', 'template.json'])(
    'does not take %s for one',
    (name) => expect(isTemplateFile(`file:///w/${name}`)).toBe(false),
  );
});

describe('firstDirective', () => {
  it.each([
    ['{{if .EnvVars}}', '{{if .EnvVars}}'],
    ['a: 1\n{{- range $k, $v := .Secrets}}\n', '{{- range $k, $v := .Secrets}}'],
    ['{{ else }}', '{{ else }}'],
    ['{{end}}', '{{end}}'],
    ['{{with .Environment}}', '{{with .Environment}}'],
    ['{{define "x"}}', '{{define "x"}}'],
    ['{{template "x" .}}', '{{template "x" .}}'],
    ['{{block "x" .}}', '{{block "x" .}}'],
    ['{{include "x"}}', '{{include "x"}}'],
    ["{% if service_instance.inputs.subnet_type == 'private' %}", "{% if service_instance.inputs.subnet_type == 'private' %}"],
    ['{%- for s in secrets -%}', '{%- for s in secrets -%}'],
  ])('finds the directive in %j', (text, directive) => expect(firstDirective(text)).toBe(directive));

  it('takes value placeholders for values, not directives', () => {
    expect(firstDirective('image: {{ .Image }}\nname: {{.Name}}\ncount: {{ ifCount }}\n')).toBeUndefined();
    expect(firstDirective('{% %}')).toBeUndefined();
    expect(firstDirective('{{iffy}}')).toBeUndefined();
  });
});
