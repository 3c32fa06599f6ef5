/** The type of one member in the ECS API model. */
export type TypeRef =
  'string' | 'integer' | 'boolean' | 'timestamp' | { enum: string } | { structure: string } | { list: TypeRef } | { map: TypeRef };

/** One member of a structure. */
export interface MemberShape {
  /** The member's type. */
  type: TypeRef;
  /** Present and true when the API model requires the member. */
  required?: boolean;
}

/** A structure: its members by name, in model order. */
export interface StructureShape {
  members: Record<string, MemberShape>;
  /** A Smithy union: exactly one of the members is set. */
  union?: boolean;
}

/** The slice of the ECS API model that a RegisterTaskDefinition request can reach. */
export interface ShapeModel {
  /** The npm package and version the model was generated from. */
  source: string;
  /** Name of the request structure. */
  root: string;
  /** Members DescribeTaskDefinition returns that RegisterTaskDefinition refuses. */
  outputOnlyMembers: string[];
  /** Enum name to its values. */
  enums: Record<string, string[]>;
  /** Structure name to its shape. */
  shapes: Record<string, StructureShape>;
}
