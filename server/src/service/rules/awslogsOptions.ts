import type { Finding, FixData } from '../findings';
import { findArray, findProperty, findString, findValue, pathOf } from '../document/navigate';
import { keyOf, valueOf, type DocNode } from '../document/node';
import { describeContainer, type ContainerModel } from '../subjects/subject';
import { capitalize } from '../text';
import { diffEdit } from '../textEdits';
import { nodeRange } from './fixBuilders';
import { ALL_SUBJECTS, type RuleContext, type SubjectRule } from './rule';

// The awslogs options ECS documents (LogConfiguration.options in the ECS API reference, and "Send
// Amazon ECS logs to CloudWatch", using_awslogs.html, of the developer guide): awslogs-group
// "Required: Yes", awslogs-region "Required: Yes", awslogs-stream-prefix "Required: Yes, when using
// Fargate. Optional when using EC2."; awslogs-multiline-pattern "is ignored if
// awslogs-datetime-format is also configured", and the two are not to be configured together
// (docs/reference/container-definitions.md#cd-8; cfn-lint's E3046 requires the group and the
// region). Docker's own awslogs driver falls back to the EC2 instance's region when none is set
// (docs.docker.com, "Amazon CloudWatch Logs logging driver"), so on EC2 a task without a region may
// still log; ECS documents the option as required all the same, and a Fargate task has no daemon
// default to fall back on.

/** The options ECS requires of the awslogs driver wherever the task runs. */
const REQUIRED = ['awslogs-group', 'awslogs-region'];
const REQUIRED_WHAT: Record<string, string> = { 'awslogs-group': 'the log group to write to', 'awslogs-region': "the log group's region" };
const STREAM_PREFIX = 'awslogs-stream-prefix';
const DATETIME_FORMAT = 'awslogs-datetime-format';
const MULTILINE_PATTERN = 'awslogs-multiline-pattern';
/** YAML's merge key: the options it brings in are not visible here. */
const MERGE_KEY = '<<';
/** The prefix the ECS console's "auto-configure CloudWatch Logs" writes; the stream name holds the container name after it. */
const DEFAULT_PREFIX = 'ecs';

export const awslogsOptions: SubjectRule = {
  id: 'awslogs-options',
  title: 'awslogs options missing or ignored',
  description:
    'Reports an `awslogs` log configuration without the options ECS documents as required: `awslogs-group` and `awslogs-region` (errors), and on Fargate `awslogs-stream-prefix` (a warning; the quick fix adds `"awslogs-stream-prefix": "ecs"`). Also warns when both `awslogs-datetime-format` and `awslogs-multiline-pattern` are set: the multiline pattern is then ignored, and the quick fix removes it. Options known only at deploy time are not judged.',
  needsCatalog: false,
  appliesTo: ALL_SUBJECTS,
  check(ctx) {
    const findings: Finding[] = [];
    for (const container of ctx.subject.containers) {
      const logConfiguration = findValue(container.node, 'logConfiguration');
      const driver = findValue(logConfiguration, 'logDriver');
      if (driver?.type !== 'string' || driver.value !== 'awslogs') continue;
      const optionsProperty = findProperty(logConfiguration, 'options');
      const options = optionsProperty && valueOf(optionsProperty);
      // Options written with an intrinsic or an alias are known only at deploy time.
      if (options && options.type !== 'object' && options.type !== 'null') continue;
      const keys = (options?.type === 'object' ? (options.children ?? []) : []).map((p) => keyOf(p).value as string);
      if (keys.includes(MERGE_KEY)) continue;
      // A log option may also come from a secret (secretOptions), under the same name.
      const given = new Set([...keys, ...findArray(logConfiguration, 'secretOptions').map((e) => findString(e, 'name'))]);
      const place = optionsProperty ? keyOf(optionsProperty) : driver;
      const where = describeContainer(container);

      const missing = REQUIRED.filter((option) => !given.has(option));
      if (missing.length) {
        const list = missing.map((option) => `"${option}" (${REQUIRED_WHAT[option]})`).join(' and ');
        const optionsName = ctx.subject.dialect.hostName('LogConfiguration', 'options');
        findings.push({
          ruleId: 'awslogs-options',
          severity: 'error',
          message: `The awslogs log driver of ${where} has no ${list}, which ECS requires; add ${missing.length > 1 ? 'them' : 'it'} to "${optionsName}".`,
          range: nodeRange(ctx, place),
        });
      }
      if (ctx.facts.fargate && !given.has(STREAM_PREFIX)) {
        findings.push({
          ruleId: 'awslogs-options',
          severity: 'warning',
          message: `${capitalize(where)} logs with awslogs on Fargate without "${STREAM_PREFIX}", which ECS documents as required on Fargate; with it, each stream is named <prefix>/<container>/<task id>.`,
          range: nodeRange(ctx, place),
          fixes: streamPrefixFix(ctx, options),
        });
      }
      if (options?.type === 'object' && given.has(DATETIME_FORMAT)) {
        const pattern = findProperty(options, MULTILINE_PATTERN);
        if (pattern) findings.push(multilineFinding(ctx, container, pattern));
      }
    }
    return findings;
  },
};

/** Adds the prefix last in an options object there is; a missing options object is left for the user to write. */
function streamPrefixFix(ctx: RuleContext, options: DocNode | undefined): FixData[] | undefined {
  if (options?.type !== 'object') return undefined;
  const next = ctx.editor.insertProperty(ctx.model.text, ctx.subject.rootIndex, pathOf(options), STREAM_PREFIX, DEFAULT_PREFIX);
  const edit = next === undefined ? undefined : diffEdit(ctx.doc, next);
  if (!edit) return undefined;
  return [
    {
      kind: 'replaceText',
      title: `Add "${STREAM_PREFIX}": "${DEFAULT_PREFIX}"`,
      range: edit.range,
      oldText: ctx.doc.getText(edit.range),
      newText: edit.newText,
      preferred: true,
    },
  ];
}

function multilineFinding(ctx: RuleContext, container: ContainerModel, pattern: DocNode): Finding {
  return {
    ruleId: 'awslogs-options',
    severity: 'warning',
    message: `"${MULTILINE_PATTERN}" of ${describeContainer(container)} is ignored because "${DATETIME_FORMAT}" is also set; ECS documents the two as exclusive. Keep the one that marks where a log message starts.`,
    range: nodeRange(ctx, keyOf(pattern)),
    fixes: [{ kind: 'removeMember', title: `Remove "${MULTILINE_PATTERN}"`, path: pathOf(valueOf(pattern) ?? pattern) }],
  };
}
