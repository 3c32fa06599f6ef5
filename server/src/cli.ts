#!/usr/bin/env node
// ecs-taskdef-language-server: picks the transport and starts the server. Nothing but protocol
// messages is ever written to stdout once a transport is chosen.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { enableCompileCache } from './compileCache';
import { startServer } from './server';
import { TOOL_NAME, VERSION } from './version';

const HELP = `Usage: ${TOOL_NAME} --stdio | --node-ipc | --socket=<port>

Language server for Amazon ECS task definitions: JSON and YAML task definitions, CloudFormation
templates, Terraform, and the Kubernetes manifests that read the same secrets. Start it from an
LSP client.

Options:
  --stdio          talk LSP over stdin/stdout
  --node-ipc       talk LSP over Node's IPC channel (VS Code)
  --socket=<port>  talk LSP over a TCP socket
  -v, --version    print the version
  -h, --help       print this help`;

enableCompileCache();
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${HELP}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(`${TOOL_NAME}: choose a transport.\n\n${HELP}\n`);
  process.exitCode = 2;
} else {
  // The SDK's notice about future Node.js versions would land in every editor's log at start-up.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  startServer(createConnection(ProposedFeatures.all));
}
