// The arguments the policy command passes on to the server (docs/protocol.md), kept apart from
// commands.ts, which needs VS Code, so that they are tested in-process (test/unit/client/policyArguments.test.ts).

interface Position {
  line: number;
  character: number;
}

/** Where the command was run from when it has no arguments: the active editor's document and cursor. */
export interface ActiveEditor {
  uri: string;
  cursor: Position;
}

/**
 * `[uri, position, denied?]` for the server. With no arguments (the command palette) it is the
 * active editor's document and cursor, which picks the task definition of a template that holds
 * several; a third argument (from execution-role-permission's quick fix) limits the policy to what
 * was denied and is passed on only with a position.
 */
export function policyCommandArguments(args: readonly unknown[], editor: ActiveEditor | undefined): unknown[] {
  const uri = args[0] ?? editor?.uri;
  const position = args[0] ? args[1] : editor?.cursor;
  if (!position) return [uri];
  return args[2] ? [uri, position, args[2]] : [uri, position];
}
