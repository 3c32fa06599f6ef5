// Finds the subjects of a parsed document: Terraform's task definition resources in a .tf file;
// elsewhere CloudFormation templates first (a template named on the
// command line is never forced into a raw task definition), then task definitions written with the
// API's names. Each root of a YAML stream is looked at on its own.
import type { ParsedDocument } from '../document/parsedDocument';
import { cloudFormationSubjects, isTemplate } from './cloudFormation';
import type { Subject } from './subject';
import { apiSubject, type RecognitionHints } from './taskDefinition';
import { isHelmTemplate, kubernetesSubject } from './kubernetes';
import { terraformSubjects } from './terraform';

export type { RecognitionHints } from './taskDefinition';

/** Cheap pre-check on the text: most files an editor opens mention neither, and are never parsed. */
const MENTIONS_TASK_DEFINITION =
  /containerDefinitions?\b|AWS::ECS::TaskDefinition|aws_ecs_task_definition|external-secrets\.io\/|secrets-store\.csi\.x-k8s\.io\//i;

/** A JSON array whose objects name an image: perhaps container definitions, whatever the file name. */
const CONTAINER_ARRAY = /^\uFEFF?\s*\[\s*\{[\s\S]*"image"\s*:/;

/** True when a text may hold a task definition, so it is worth parsing. */
export function mayHoldTaskDefinition(text: string, hints: RecognitionHints): boolean {
  return (
    hints.forced === true || hints.containerDefinitionsFile === true || MENTIONS_TASK_DEFINITION.test(text) || CONTAINER_ARRAY.test(text)
  );
}

/** Every task definition in a document, in document order. */
export function findSubjects(document: ParsedDocument, hints: RecognitionHints): Subject[] {
  if (document.format === 'terraform') return document.roots.flatMap((root, index) => terraformSubjects(root, index));
  const subjects: Subject[] = [];
  document.roots.forEach((root, index) => {
    // A Helm or Go template (`{{ .Values.key }}`) is Helm's business until it is rendered.
    const manifest = document.format === 'yaml' && !isHelmTemplate(document.text) ? kubernetesSubject(root, index) : undefined;
    if (manifest) subjects.push(manifest);
    else if (isTemplate(root)) subjects.push(...cloudFormationSubjects(root, index));
    else {
      const found = apiSubject(root, index, hints);
      if (found) subjects.push(found);
    }
  });
  return subjects;
}
