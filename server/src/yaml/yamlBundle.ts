// What yaml.js exports (esbuild.mjs bundles it apart, as aws.js and hcl.js): the parts of the yaml
// package the YAML format uses (service/formats/yaml/), loaded the first time a YAML text is parsed
// or written, so that a run over JSON files alone loads none of it (yamlOnDemand.ts).
export { isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, stringify } from 'yaml';
