// The format-neutral document tree every rule, completion, hover and fix works on. Each format's
// adapter (formats/) builds it with offsets into the host text; nothing above this layer knows
// which parser produced it. The shape is jsonc-parser's `Node` (a property holds [key, value]),
// so the JSON adapter hands its parse tree over as it is, and the YAML adapter builds the same.

/** What a node is. */
export type NodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null' | 'expression';

/** One node of a document, with its place in the host text. */
export interface DocNode {
  readonly type: NodeType;
  /** Offset of the node's first character in the host text (a string's opening quote). */
  readonly offset: number;
  /** Length in the host text (quotes included). */
  readonly length: number;
  /** A scalar's value; a property key's name. */
  readonly value?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- scalars are string | number | boolean | null
  /** An object's properties; a property's [key, value]; an array's elements; an expression's arguments. */
  readonly children?: DocNode[];
  readonly parent?: DocNode;
  /** A property's colon (JSON) or indicator (YAML), when it has one. */
  readonly colonOffset?: number;
  /**
   * On a property: the API member name its key stands for when the format's dialect spells it
   * otherwise (CloudFormation's `ExecutionRoleArn` is `executionRoleArn`). Set by the subject layer.
   */
  member?: string;
  /** How YAML wrote a scalar or collection (fixes keep the style); undefined in JSON. */
  readonly style?: 'plain' | 'single' | 'double' | 'block' | 'flow';
  /** On an expression node: what it is. */
  readonly expression?: Expression;
}

/**
 * A value known only at deploy time: a CloudFormation intrinsic (`!Ref`, `{"Fn::Sub": ...}`), a YAML
 * alias, a Terraform expression. Rules do not judge it; a reference rule may judge the literal
 * parts of a `Fn::Sub` (see subjects/expressionValues.ts).
 */
export interface Expression {
  /** Which language the expression is written in. */
  readonly syntax: 'cloudformation' | 'yaml-alias' | 'terraform';
  /**
   * The function: `Ref`, `Fn::Sub`, `Fn::GetAtt`, ... (long-form names), or `alias`; in Terraform,
   * `reference` (`var.x`, `aws_iam_role.exec.arn`), `template` (a string with `${}`), a function's
   * name (`file`), or the grammar's name of any other expression (`conditional`, `for_expr`).
   */
  readonly fn: string;
  /** Terraform: the expression as written. */
  readonly source?: string;
  /** Terraform templates: the literal parts and the interpolations, in order. */
  readonly parts?: readonly TemplatePart[];
}

/** One part of a Terraform template: literal text (`literal` is its value) or an interpolation. */
export interface TemplatePart {
  /** What a literal part contributes; undefined for an interpolation. */
  readonly literal?: string;
  /** How the template writes the part. */
  readonly source: string;
}

/** A property node's key (always a string node). */
export function keyOf(property: DocNode): DocNode {
  return property.children![0];
}

/** A property node's value, if it has one. */
export function valueOf(property: DocNode): DocNode | undefined {
  return property.children?.[1];
}

/** The member name a property stands for: the dialect's mapping, else its key. */
export function memberName(property: DocNode): string {
  return property.member ?? (property.children![0].value as string);
}
