declare const __VERSION__: string | undefined;

/** The package version, inlined by the bundler. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The server's and linter's name, as clients and SARIF show it. */
export const TOOL_NAME = 'ecs-taskdef-language-server';
