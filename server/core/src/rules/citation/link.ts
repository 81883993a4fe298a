import type { Rule } from '../rule';

/** citation.link-placeholder: the Article line has a `(Link)` placeholder without a URL. */
export const linkPlaceholder: Rule = {
  id: 'citation.link-placeholder',
  description: 'A citation link placeholder such as (Link) carries a URL.',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, report }) {
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const placeholder = citation.article?.parsed.linkPlaceholder;
        if (!placeholder || citation.article?.parsed.link) continue;
        report({ start: placeholder.start, end: placeholder.end, message: `'${placeholder.text}' has no URL: write ([Link](https://…)) with the address of the document.` });
      }
    }
  },
};

/** citation.missing-link: the schema requires a link and the Article line has none. */
export const missingLink: Rule = {
  id: 'citation.missing-link',
  description: 'Each Article line links to the source document when the schema requires it.',
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, schema, report }) {
    if (schema.topic.citation.link !== 'required') return;
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const article = citation.article;
        if (!article?.value.text || article.parsed.link || article.parsed.linkPlaceholder) continue;
        report({ start: article.value.start, end: article.value.end, message: 'The Article line has no link to the document: add ([Link](https://…)).' });
      }
    }
  },
};
