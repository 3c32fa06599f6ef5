// A document parsed once per version: its format's tree and the task definitions in it, shared by
// every feature.
import { isHelmTemplate } from './subjects/kubernetes';
import type { Location, ParsedDocument } from './document/parsedDocument';
import type { FormatAdapter } from './formats/format';
import { findSubjects, mayHoldTaskDefinition, type RecognitionHints } from './subjects';
import type { Subject } from './subjects/subject';

/** A document and the task definitions it holds. */
export interface TaskDefinitionModel {
  /** The document text the model was parsed from. */
  text: string;
  /** The format that reads and edits the document. */
  format: FormatAdapter;
  /** The parsed trees; no roots when the text was not worth parsing. */
  document: ParsedDocument;
  /** The task definitions in it, in document order; none when it is not one. */
  subjects: Subject[];
  /** The file is a template source (`.json.tpl`, `.j2`, ...): it is valid JSON or YAML only once rendered. */
  templateFile?: boolean;
  /** The file is the project config (`.ecs-taskdef.yaml`): checked by invalid-config, never a task definition. */
  configFile?: boolean;
}

/** Parses a document and finds its task definitions, containers and secret references. */
export function parseTaskDefinition(
  text: string,
  format: FormatAdapter,
  hints: RecognitionHints = {},
  templateFile = false,
  configFile = false,
): TaskDefinitionModel {
  if (configFile) return { text, format, document: format.parse(text), subjects: [], configFile };
  // Most files an editor opens are not task definitions: a substring test spares them the parse.
  if (!mayHoldTaskDefinition(text, hints)) {
    return { text, format, document: { text, format: format.id, roots: [], problems: [] }, subjects: [], templateFile };
  }
  const document = format.parse(text);
  return { text, format, document, subjects: findSubjects(document, hints), templateFile };
}

/** The API groups of the Kubernetes manifests we read (subjects/kubernetes.ts). */
const MANIFEST_API = /^\s*apiVersion:\s*["']?(external-secrets\.io|secrets-store\.csi\.x-k8s\.io)\//m;

/**
 * True when the model holds something to analyse: a task definition, the project config, a
 * document too large to read, or a manifest of ours that is too broken to be read as one (its
 * syntax errors are then all there is to say).
 */
export function isAnalysed(model: TaskDefinitionModel): boolean {
  return (
    model.subjects.length > 0 ||
    model.configFile === true ||
    model.document.limited !== undefined ||
    (model.document.problems.length > 0 && model.document.format === 'yaml' && MANIFEST_API.test(model.text) && !isHelmTemplate(model.text))
  );
}

/** The subject a cursor's location is in: the one of its root whose task path the location's path starts with. */
export function subjectAt(model: TaskDefinitionModel, location: Location): Subject | undefined {
  let best: Subject | undefined;
  for (const subject of model.subjects) {
    if (subject.rootIndex !== location.root) continue;
    const prefix = subject.taskPath;
    if (prefix.some((segment, i) => location.path[i] !== segment)) continue;
    if (!best || prefix.length > best.taskPath.length) best = subject;
  }
  return best;
}
