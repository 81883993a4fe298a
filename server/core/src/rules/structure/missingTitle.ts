import type { Rule } from '../rule';

/** structure.missing-title: the issue has no `#` title heading. */
export const missingTitle: Rule = {
  id: 'structure.missing-title',
  description: 'The issue starts with a level-1 title heading.',
  defaultSeverity: 'error',
  tags: ['structure'],
  scope: 'document',
  check({ model, schema, report }) {
    if (!schema.issue.title.required || model.title) return;
    const at = model.frontMatter?.end ?? (model.text.charCodeAt(0) === 0xfeff ? 1 : 0);
    report({ start: at, end: at, message: 'The issue has no title: add a level-1 heading (`# …`) before the first topic.' });
  },
};
