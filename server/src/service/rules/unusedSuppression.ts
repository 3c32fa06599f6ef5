import type { AnalysisRule } from './rule';

// The findings are made in suppressions.ts, once every other rule has reported: only then is it
// known whether a directive accepted anything.

export const unusedSuppression: AnalysisRule = {
  id: 'unused-suppression',
  title: 'Suppression comment that accepts nothing',
  description:
    'Reports an `ecs-taskdef-disable-next-line` comment that accepts no finding: the rule it names found nothing on the next line (the problem was fixed, or the line moved), the rule id is unknown, or the comment names no rule. A stale suppression would hide the next real finding on that line. The quick fix removes the comment.',
  needsCatalog: false,
  appliesTo: 'analysis',
};
