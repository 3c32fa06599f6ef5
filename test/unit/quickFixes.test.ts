// The code actions a client gets for the diagnostics it sends back (server/src/service/quickFixes.ts):
// one action per distinct fix, with the diagnostics it fixes, whether it is preferred, and the edit as
// plain text or as a snippet edit; and no action once the text no longer holds what the fix was for.
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { toDiagnostic } from '../../server/src/service';
import { GENERATE_POLICY_COMMAND } from '../../server/src/service/policyActions';
import { fakeCatalog, parameter } from '../helpers/fakeCatalog';
import { foundRole, roleAccess, roleArn, trustFor } from '../helpers/roleChecks';
import { analyze, applyEdits, doc, findingsOf, service } from '../helpers/taskdef';

const ACCOUNT = '111122223333';
const NO_SNIPPETS = { snippetEdits: false };

/** The diagnostics of a text, of one rule or all. */
const diagnosticsOf = (text: string, ruleId?: string, options = {}) =>
  (ruleId ? findingsOf(ruleId, text, options) : analyze(text, options)).map(toDiagnostic);

const actionsFor = (text: string, diagnostics: Diagnostic[], capabilities = NO_SNIPPETS) => {
  const d = doc(text);
  return { d, actions: service.quickFixes(d, diagnostics, capabilities) };
};

const TWO_PARAMETER_TYPOS = `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/exec",
  "containerDefinitions": [
    {
      "name": "app", "image": "nginx", "memory": 512,
      "secrets": [
        { "name": "A", "valueFrom": "arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter:a" },
        { "name": "B", "valueFrom": "arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter:b" }
      ]
    }
  ]
}
`;

describe('quickFixes', () => {
  it('gives one preferred action per fix, with the diagnostic it fixes and the edit as changes', () => {
    const diagnostics = diagnosticsOf(TWO_PARAMETER_TYPOS, 'arn-malformed');
    expect(diagnostics).toHaveLength(2);
    const { d, actions } = actionsFor(TWO_PARAMETER_TYPOS, diagnostics);
    expect(actions).toEqual([
      {
        title: 'Write "parameter/"',
        kind: 'quickfix',
        diagnostics: [diagnostics[0]],
        isPreferred: true,
        edit: { changes: { [d.uri]: [expect.objectContaining({ newText: `"arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a"` })] } },
      },
      {
        title: 'Write "parameter/"',
        kind: 'quickfix',
        diagnostics: [diagnostics[1]],
        isPreferred: true,
        edit: { changes: { [d.uri]: [expect.objectContaining({ newText: `"arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/b"` })] } },
      },
    ]);
  });

  it('offers a fix once however often its diagnostic is sent, and nothing for diagnostics of other sources', () => {
    const [first] = diagnosticsOf(TWO_PARAMETER_TYPOS, 'arn-malformed');
    expect(actionsFor(TWO_PARAMETER_TYPOS, [first, first]).actions).toHaveLength(1);
    expect(actionsFor(TWO_PARAMETER_TYPOS, [{ ...first, source: 'json' }]).actions).toEqual([]);
  });

  it('offers no replacement once the text it replaces has changed', () => {
    const [first] = diagnosticsOf(TWO_PARAMETER_TYPOS, 'arn-malformed');
    const edited = TWO_PARAMETER_TYPOS.replace('parameter:a"', 'parameter:x"');
    expect(actionsFor(edited, [first]).actions).toEqual([]);
  });

  it('offers the describe-output clean-up once, for every describe-output diagnostic, not preferred', () => {
    const described = JSON.stringify(
      {
        taskDefinitionArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:3`,
        revision: 3,
        family: 'web',
        containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512, command: null, secrets: [{ name: 'A', valueFrom: '/a' }] }],
        requiresAttributes: [],
      },
      null,
      2,
    );
    const all = diagnosticsOf(described, undefined, { deployment: { kind: 'cli' } });
    const describeOutput = all.filter((d) => d.code === 'describe-output');
    expect(describeOutput.length).toBeGreaterThan(2);
    expect(all.length).toBeGreaterThan(describeOutput.length);
    const { actions } = actionsFor(described, all);
    const registrable = actions.filter((a) => a.title.startsWith('Make registrable'));
    expect(registrable).toHaveLength(1);
    expect(registrable[0].diagnostics).toEqual(describeOutput);
    expect(registrable[0].isPreferred).toBe(false);
    expect(applyEdits(described, Object.values(registrable[0].edit!.changes!)[0] as TextEdit[])).toBe(
      JSON.stringify(
        { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512, secrets: [{ name: 'A', valueFrom: '/a' }] }] },
        null,
        2,
      ),
    );
    // Each member's own removal is offered beside it, preferred.
    expect(actions.filter((a) => a.title.startsWith('Remove')).every((a) => a.isPreferred && a.diagnostics!.length === 1)).toBe(true);
  });

  it('runs the policy command rather than editing, with the document, the position and the pairs', () => {
    const url = parameter('/prod/url');
    const text = TWO_PARAMETER_TYPOS.replace(/"valueFrom": "[^"]*parameter:a"/, '"valueFrom": "/prod/url"');
    const roles = roleAccess({
      [roleArn('exec')]: foundRole('exec', trustFor('ecs-tasks.amazonaws.com'), [['ssm:GetParameters', url.arn, 'implicitDeny']]),
    });
    const diagnostics = diagnosticsOf(text, 'execution-role-permission', { catalog: fakeCatalog([url]), roles });
    expect(diagnostics).toHaveLength(1);
    const { d, actions } = actionsFor(text, diagnostics);
    expect(actions).toEqual([
      {
        title: 'Show the statements the role is missing',
        kind: 'quickfix',
        diagnostics,
        command: {
          title: 'Show the statements the role is missing',
          command: GENERATE_POLICY_COMMAND,
          // At the role the policy is for; the one action and resource it lacks.
          arguments: [d.uri, d.positionAt(text.indexOf('"arn:aws:iam')), [`ssm:GetParameters\n${url.arn}`]],
        },
      },
    ]);
  });
});

describe('quickFixes with snippet edits', () => {
  const NO_ROLE = `{"family": "a$b}", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512, "secrets": [{"name": "A", "valueFrom": "/p"}]}]}`;

  it('sends a fix with a snippet as a snippet edit of the document version, the text around it escaped', () => {
    const diagnostics = diagnosticsOf(NO_ROLE, 'execution-role-missing');
    const { d, actions } = actionsFor(NO_ROLE, diagnostics, { snippetEdits: true });
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action.edit).toEqual({
      documentChanges: [
        {
          textDocument: { uri: d.uri, version: d.version },
          edits: [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: NO_ROLE.length } },
              snippet: {
                kind: 'snippet',
                value:
                  '{"family": "a\\$b\\}", "executionRoleArn": "arn:aws:iam::${1:111122223333}:role/${2:ecsTaskExecutionRole}", ' +
                  NO_ROLE.slice(NO_ROLE.indexOf('"containerDefinitions"')).replace('}]}]}', '\\}]\\}]\\}'),
              },
            },
          ],
        },
      ],
    });
  });

  it('sends the snippet with its defaults as plain text to a client without snippet edits', () => {
    const diagnostics = diagnosticsOf(NO_ROLE, 'execution-role-missing');
    const [action] = actionsFor(NO_ROLE, diagnostics, NO_SNIPPETS).actions;
    const edits = Object.values(action.edit!.changes!)[0] as TextEdit[];
    expect(applyEdits(NO_ROLE, edits)).toBe(
      NO_ROLE.replace('"a$b}", ', '"a$b}", "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole", '),
    );
  });

  it('sends a fix without a snippet as changes, snippet edits or not', () => {
    const diagnostics = diagnosticsOf(TWO_PARAMETER_TYPOS, 'arn-malformed');
    const [action] = actionsFor(TWO_PARAMETER_TYPOS, diagnostics, { snippetEdits: true }).actions as CodeAction[];
    expect(Object.keys(action.edit!)).toEqual(['changes']);
  });

  it('offers no role to add once the document has one', () => {
    const diagnostics = diagnosticsOf(NO_ROLE, 'execution-role-missing');
    const withRole = NO_ROLE.replace('{"family"', `{"executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/e", "family"`);
    expect(actionsFor(withRole, diagnostics).actions).toEqual([]);
  });
});

describe('quickFixes that move and unwrap', () => {
  const IN_ENVIRONMENT = `{
  "family": "web",
  "executionRoleArn": "arn:aws:iam::${ACCOUNT}:role/exec",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": 512,
      "environment": [{ "name": "DB", "valueFrom": "arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf" }] }
  ]
}
`;

  it('moves an environment entry to secrets, and offers nothing once the entry has no text valueFrom or no name', () => {
    const diagnostics = diagnosticsOf(IN_ENVIRONMENT, 'value-from-in-environment');
    expect(diagnostics).toHaveLength(1);
    const [move] = actionsFor(IN_ENVIRONMENT, diagnostics).actions;
    expect(move.title).toBe('Move to "secrets"');
    expect(applyEdits(IN_ENVIRONMENT, Object.values(move.edit!.changes!)[0] as TextEdit[])).toBe(
      IN_ENVIRONMENT.replace(
        /"environment": .*\n/,
        `"environment": [],
      "secrets": [
        {
          "name": "DB",
          "valueFrom": "arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf"
        }
      ] }
`,
      ),
    );
    const actions = (text: string) => actionsFor(text, diagnostics).actions;
    expect(actions(IN_ENVIRONMENT.replace(/"valueFrom": "[^"]*"/, '"valueFrom": 42'))).toEqual([]);
    expect(actions(IN_ENVIRONMENT.replace('"name": "DB", ', ''))).toEqual([]);
    expect(actions(IN_ENVIRONMENT.replace(/\{ "name": "DB"[^}]*\}/, '"gone"'))).toEqual([]);
  });

  it('unwraps describe output only while it is one: a taskDefinition object without containerDefinitions beside it', () => {
    const wrapped = `{"taskDefinition": {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}]}}`;
    const diagnostics = diagnosticsOf(wrapped, 'describe-output');
    const unwrapTitle = actionsFor(wrapped, diagnostics).actions.find((a) => a.title.startsWith('Unwrap'))?.title;
    expect(unwrapTitle).toBeDefined();
    const titles = (text: string) => actionsFor(text, diagnostics).actions.map((a) => a.title);
    expect(titles(wrapped.replace('{"taskDefinition": {', '{"containerDefinitions": [], "taskDefinition": {'))).not.toContain(unwrapTitle);
    expect(titles(`{"taskDefinition": "web"}`)).not.toContain(unwrapTitle);
  });
});
