import type { Rule } from '../rule';

/** citation.title-parentheses: the Chinese title sits in the parentheses the publication's style uses. */
export const titleParentheses: Rule = {
  id: 'citation.title-parentheses',
  description: "The Chinese title in the Article line is enclosed in the schema's parentheses (ASCII ( ) in English text by default).",
  defaultSeverity: 'warning',
  tags: ['citation'],
  check({ model, schema, report }) {
    const text = (e: { start: number; end: number }) => model.text.slice(e.start, e.end);
    const [open, close] = schema.topic.citation.chineseTitleParentheses === 'ascii' ? ['(', ')'] : ['（', '）'];
    for (const topic of model.topics) {
      for (const citation of topic.citations) {
        const parsed = citation.article?.parsed;
        // A Chinese title on a citation line of its own (`chinese-title` capture) has no parentheses to check.
        if (!parsed?.chineseTitle || parsed.separateChineseTitle) continue;
        if (!parsed.openParen || !parsed.closeParen) {
          // One parenthesis may be there already (unpaired): add only the missing one, in the schema's style.
          const title = parsed.chineseTitle;
          const { openParen, closeParen } = parsed;
          const edits = [
            openParen ? { start: openParen.start, end: openParen.end, newText: open } : { start: title.start, end: title.start, newText: open },
            closeParen ? { start: closeParen.start, end: closeParen.end, newText: close } : { start: title.end, end: title.end, newText: close },
          ].filter((e) => text(e) !== e.newText);
          report({
            start: title.start,
            end: title.end,
            message: openParen || closeParen
              ? `The Chinese title has an unpaired parenthesis: write ${open}${title.text}${close}.`
              : `Put the Chinese title in parentheses: ${open}${title.text}${close}.`,
            fixes: [{ title: openParen || closeParen ? `Add the missing ${openParen ? close : open}` : `Enclose in ${open}${close}`, edits, isPreferred: true }],
          });
          continue;
        }
        if (parsed.openParen.text === open && parsed.closeParen.text === close) continue;
        report({
          start: parsed.openParen.start,
          end: parsed.closeParen.end,
          message: `The Chinese title is enclosed in ${parsed.openParen.text}${parsed.closeParen.text}; this publication uses ${open}${close} around it.`,
          fixes: [{
            title: `Use ${open}${close} around the Chinese title`,
            edits: [
              ...(parsed.openParen.text === open ? [] : [{ start: parsed.openParen.start, end: parsed.openParen.end, newText: open }]),
              ...(parsed.closeParen.text === close ? [] : [{ start: parsed.closeParen.start, end: parsed.closeParen.end, newText: close }]),
            ],
            isPreferred: true,
          }],
        });
      }
    }
  },
};
