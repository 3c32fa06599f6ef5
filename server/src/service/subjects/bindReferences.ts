import { fill } from './expressionValues';
import type { Subject } from './subject';
import type { TaskFacts } from '../taskFacts';

/**
 * The subject with its `Fn::Sub` references filled in with what this analysis knows of the stack's
 * account, region and partition (what is not known becomes `unknown`, by default a stand-in of the
 * right shape); the subject itself when it has none (every JSON document).
 */
export function bindReferences(subject: Subject, facts: TaskFacts, unknown?: string): Subject {
  if (!subject.references.some((r) => r.template)) return subject;
  return {
    ...subject,
    references: subject.references.map((r) => (r.template ? { ...r, value: fill(r.template, facts, unknown) } : r)),
  };
}
