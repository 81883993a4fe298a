/** Label matchers of an issue schema (parts and citation fields), cached per schema object. */
import { LabelMatcher } from '../model/labels';
import { normalizeLabel } from '../model/labels';
import type { IssueSchema } from '../schema/types';

/** Matchers and label → id maps of one schema. */
export interface SchemaLabels {
  parts: LabelMatcher;
  fields: LabelMatcher;
  partIdByLabel: Map<string, string>;
  fieldIdByLabel: Map<string, string>;
}

const cache = new WeakMap<IssueSchema, SchemaLabels>();

/** The label matchers of `schema` (built once per schema object). */
export function schemaLabels(schema: IssueSchema): SchemaLabels {
  let labels = cache.get(schema);
  if (!labels) {
    const partIdByLabel = new Map<string, string>();
    const fieldIdByLabel = new Map<string, string>();
    for (const part of schema.topic.parts) for (const label of [part.label, ...(part.aliases ?? [])]) partIdByLabel.set(normalizeLabel(label), part.id);
    for (const field of schema.topic.citation.fields) for (const label of [field.label, ...(field.aliases ?? [])]) fieldIdByLabel.set(normalizeLabel(label), field.id);
    labels = {
      parts: new LabelMatcher(schema.topic.parts.flatMap((p) => [p.label, ...(p.aliases ?? [])])),
      fields: new LabelMatcher(schema.topic.citation.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])])),
      partIdByLabel,
      fieldIdByLabel,
    };
    cache.set(schema, labels);
  }
  return labels;
}
