import type { Rule } from '../rule';

/** front-matter.invalid-yaml: the YAML front matter cannot be parsed. */
export const invalidFrontMatter: Rule = {
  id: 'front-matter.invalid-yaml',
  description: 'The YAML front matter parses.',
  defaultSeverity: 'error',
  tags: ['front-matter'],
  check({ model, report }) {
    const error = model.frontMatter?.error;
    if (error) report({ start: error.start, end: Math.max(error.end, error.start + 1), message: `Front matter is not valid YAML: ${error.message}` });
  },
};
