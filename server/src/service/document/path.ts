/** Where a node is in its document root: property names (as the host text spells them) and array indices. */
export type Path = (string | number)[];
