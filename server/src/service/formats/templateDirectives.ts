// Template sources that become task definitions or templates only once rendered: Go's text/template
// (`{{if .X}}`, `{{range}}`, as AWS Copilot writes them) and Jinja (`{% if %}`, AWS Proton). When a
// file with such a directive does not parse, the directive is why: one finding says so, and
// nothing in the unrendered file is judged.

/** A control directive: it changes the document's structure, unlike a value placeholder (`{{ .Name }}`). */
const DIRECTIVE = /\{\{-?\s*(?:if|else|end|range|with|define|template|block|include)\b[^}]*\}\}|\{%-?\s*\w+[^%]*%\}/;

/** File names of template sources: Terraform's `templatefile()` inputs, Go, Jinja, and `*.template.json`. */
const TEMPLATE_FILE = /\.(tpl|tmpl|gotmpl|j2|jinja2?)$|\.template\.json$/i;

/** True when a document's URI names a template source, which is JSON or YAML only once rendered. */
export function isTemplateFile(uri: string): boolean {
  return TEMPLATE_FILE.test(uri);
}

/** The first template directive of a text, if it holds one. */
export function firstDirective(text: string): string | undefined {
  return DIRECTIVE.exec(text)?.[0];
}
