import type { DocumentRule } from './rule';

export const analysisLimited: DocumentRule = {
  id: 'analysis-limited',
  title: 'Document too large or too deeply nested to analyse',
  description:
    'Reports, once, that a document was not analysed because it is larger than 8 MB (JSON) or 2 MB (YAML, which parses far slower; CloudFormation takes templates of at most 1 MB) or nests objects and arrays more than 256 levels deep. Real task definitions are far smaller (ECS itself limits them to a few dozen kilobytes); the bound keeps a huge or generated file from stalling the editor. Nothing else is reported for such a document.',
  needsCatalog: false,
  appliesTo: 'document',
  check(ctx) {
    const limit = ctx.model.document.limited;
    if (!limit) return [];
    const what =
      limit.kind === 'size'
        ? `is ${(limit.actual / 1024 / 1024).toFixed(1)} MB, more than the ${limit.limit / 1024 / 1024} MB the server analyses`
        : `nests more than ${limit.limit} levels deep`;
    return [
      {
        ruleId: 'analysis-limited',
        severity: 'information',
        message: `This document ${what}; it was not analysed.`,
        range: ctx.range(0, 0),
      },
    ];
  },
};
