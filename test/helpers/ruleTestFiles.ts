/** A rule's own test file: `x-y` is tested in `test/unit/rules/xY.test.ts`. */
export const testFileOf = (id: string) => `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.test.ts`;
