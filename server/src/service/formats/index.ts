// The format adapters, and which one reads a document: the editor's language id when it names a
// format, else the file name, else the content (a `{` or `[` first is JSON).
import type { FormatAdapter } from './format';
import { jsonAdapter } from './json/jsonAdapter';
import { terraformAdapter } from './terraform/terraformAdapter';
import { yamlAdapter } from './yaml/yamlAdapter';

/** Every adapter, in the order they are tried. */
export const allFormats: readonly FormatAdapter[] = [jsonAdapter, yamlAdapter, terraformAdapter];

const BY_LANGUAGE: Record<string, FormatAdapter> = {
  json: jsonAdapter,
  jsonc: jsonAdapter,
  yaml: yamlAdapter,
  'yaml-cloudformation': yamlAdapter,
  'json-cloudformation': jsonAdapter,
  terraform: terraformAdapter,
  hcl: terraformAdapter,
};

/** Terraform's native syntax (`.tf.json`, its JSON syntax, is read as JSON). */
export const TERRAFORM_FILE = /\.tf$/i;

/** The adapter for a document. */
export function adapterFor(languageId: string, uri: string, text: string): FormatAdapter {
  const byLanguage = BY_LANGUAGE[languageId];
  if (byLanguage) return byLanguage;
  if (/\.ya?ml$/i.test(uri)) return yamlAdapter;
  if (TERRAFORM_FILE.test(uri)) return terraformAdapter;
  if (/\.jsonc?$/i.test(uri)) return jsonAdapter;
  // `cloudformation` (several extensions' id), `.template`, `.cfn`: written either way.
  return /^\uFEFF?\s*[{[]/.test(text) ? jsonAdapter : yamlAdapter;
}
