// Generates server/src/service/shape/taskDefinitionShape.generated.ts from the type declarations of the
// official AWS SDK for JavaScript v3 ECS client (@aws-sdk/client-ecs), the most current model that
// installs from the npm registry (docs/reference/api-model.md#which-model-the-shape-is-generated-from).
// The declarations carry every member, its type, whether it is required (no `?`), and the enum types;
// the AWS documentation text is deliberately not copied.
//
//   npm run generate            rewrite the file
//   npm run generate -- --check exit 1 when the committed file is stale (used by a test)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'server/src/service/shape/taskDefinitionShape.generated.ts');
const require = createRequire(import.meta.url);
const pkgJson = require.resolve('@aws-sdk/client-ecs/package.json');
const pkgDir = dirname(pkgJson);
const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
const modelsDir = join(pkgDir, 'dist-types/models');

/** interface name -> ts.InterfaceDeclaration; enum name -> values */
const interfaces = new Map();
const enums = new Map();
/** Smithy unions: alias name -> the member interfaces of its namespace (one member set each) */
const unions = new Map();
const namespaces = new Map();

for (const file of ['models_0.d.ts', 'models_1.d.ts', 'enums.d.ts']) {
  const path = join(modelsDir, file);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    continue; // newer SDKs split models differently; missing files are fine as long as the roots resolve
  }
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
      const variants = statement.type.types.map((t) => (ts.isTypeReferenceNode(t) ? t.typeName.getText() : ''));
      if (variants.every((v) => v.startsWith(`${statement.name.text}.`))) unions.set(statement.name.text, variants);
    }
    if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
      for (const inner of statement.body.statements) {
        if (ts.isInterfaceDeclaration(inner)) namespaces.set(`${statement.name.text}.${inner.name.text}`, inner);
      }
    }
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!decl.type || !ts.isTypeLiteralNode(decl.type)) continue;
        const values = decl.type.members
          .filter(ts.isPropertySignature)
          .map((m) => (m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined));
        if (values.length && values.every((v) => v !== undefined)) enums.set(decl.name.getText(), values);
      }
    }
  }
}

const shapes = {};
const usedEnums = new Set();

function typeRef(node) {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (parts.length !== 1) throw new Error(`unsupported union: ${node.getText()}`);
    return typeRef(parts[0]);
  }
  if (ts.isParenthesizedTypeNode(node)) return typeRef(node.type);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    // Every numeric member of the ECS task definition is an Integer or BoxedInteger in the Smithy model.
    case ts.SyntaxKind.NumberKeyword:
      return 'integer';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
  }
  if (ts.isArrayTypeNode(node)) return { list: typeRef(node.elementType) };
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Record') return { map: typeRef(node.typeArguments[1]) };
    if (name === 'Date') return 'timestamp';
    if (enums.has(name)) {
      usedEnums.add(name);
      return { enum: name };
    }
    if (interfaces.has(name) || unions.has(name)) {
      visit(name);
      return { structure: name };
    }
  }
  throw new Error(`unsupported type: ${node.getText()}`);
}

function visit(name) {
  if (shapes[name]) return;
  const members = {};
  if (unions.has(name)) {
    // A union is an object with exactly one member set: each variant contributes its one member.
    shapes[name] = { members, union: true };
    for (const variant of unions.get(name)) {
      for (const member of namespaces.get(variant)?.members ?? []) {
        if (!ts.isPropertySignature(member) || !member.type || member.name.getText() === '$unknown') continue;
        if (member.type.kind === ts.SyntaxKind.NeverKeyword) continue;
        members[member.name.getText()] = { type: typeRef(member.type) };
      }
    }
    return;
  }
  const decl = interfaces.get(name);
  if (!decl) throw new Error(`no interface ${name} in @aws-sdk/client-ecs ${version}`);
  shapes[name] = { members };
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const entry = { type: typeRef(member.type) };
    if (!member.questionToken) entry.required = true;
    members[member.name.getText()] = entry;
  }
}

visit('RegisterTaskDefinitionRequest');

// Members that DescribeTaskDefinition returns but RegisterTaskDefinition refuses (docs/reference/describe-output.md#dr-2).
const described = interfaces.get('TaskDefinition');
const registerMembers = new Set(Object.keys(shapes.RegisterTaskDefinitionRequest.members));
const outputOnly = described.members
  .filter(ts.isPropertySignature)
  .map((m) => m.name.getText())
  .filter((n) => !registerMembers.has(n));

const sortedEnums = Object.fromEntries([...usedEnums].sort().map((n) => [n, enums.get(n)]));
const sortedShapes = Object.fromEntries(
  Object.keys(shapes)
    .sort()
    .map((n) => [n, shapes[n]]),
);

const output = `// GENERATED by scripts/generateShape.mjs from @aws-sdk/client-ecs ${version}. Do not edit by hand:
// run \`npm run generate\` after upgrading the devDependency. A test fails when this file is stale.
import type { ShapeModel } from './shapeTypes';

export const TASK_DEFINITION_MODEL: ShapeModel = ${JSON.stringify(
  {
    source: `@aws-sdk/client-ecs@${version}`,
    root: 'RegisterTaskDefinitionRequest',
    outputOnlyMembers: outputOnly,
    enums: sortedEnums,
    shapes: sortedShapes,
  },
  null,
  2,
)};
`;

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== output) {
    console.error(`${target} is stale: run npm run generate`);
    process.exit(1);
  }
  console.log('shape model is up to date');
} else {
  writeFileSync(target, output);
  console.log(`wrote ${Object.keys(shapes).length} shapes and ${usedEnums.size} enums from @aws-sdk/client-ecs ${version}`);
}
