import type { Rule } from '../rule';
import { countWords } from '../helpers';

/** structure.word-limit: leads, key points and parts stay within the schema's word limits. */
export const wordLimit: Rule = {
  id: 'structure.word-limit',
  description: 'Leads, key points and whole parts stay within the word limits of the issue schema.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  check({ model, schema, report }) {
    for (const topic of model.topics) {
      for (const part of topic.parts) {
        const limits = schema.topic.parts.find((p) => p.id === part.partId);
        if (!limits) continue;
        const leadBlocks = [part.lead, ...part.paragraphs];
        const leadWords = leadBlocks.reduce((n, b) => n + countWords(b.plain), 0);
        if (limits.leadMaxWords !== undefined && part.lists.length && leadWords > limits.leadMaxWords) {
          report({ start: part.lead.start, end: leadBlocks[leadBlocks.length - 1].end, message: `The text before the key points has ${leadWords} words; the limit is ${limits.leadMaxWords}.`, data: { words: leadWords } });
        }
        const maxItemWords = limits.keyPoints?.maxWords;
        if (maxItemWords !== undefined) {
          for (const item of part.lists.flat()) {
            const words = countWords(item.plain);
            if (words > maxItemWords) report({ start: item.start, end: item.end, message: `Key point has ${words} words; the limit is ${maxItemWords}.`, data: { words } });
          }
        }
        if (limits.maxWords !== undefined) {
          const all = [...leadBlocks, ...part.lists.flat(), ...part.trailingParagraphs];
          const words = all.reduce((n, b) => n + countWords(b.plain), 0);
          if (words > limits.maxWords) report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' has ${words} words; the limit is ${limits.maxWords}.`, data: { words } });
        }
        if (limits.minParagraphs !== undefined) {
          const paragraphs = (part.label || part.lead.text ? 1 : 0) + part.paragraphs.length + part.trailingParagraphs.length;
          if (paragraphs < limits.minParagraphs) report({ start: part.anchor.start, end: part.anchor.end, message: `'${part.label?.name.text ?? part.partId}' has ${paragraphs} paragraph(s); the schema expects at least ${limits.minParagraphs}.` });
        }
      }
    }
  },
};
