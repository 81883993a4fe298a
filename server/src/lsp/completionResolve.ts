/**
 * `completionItem/resolve`: the parts of a completion item left out of the list — Markdown
 * documentation and additional edits (a policy title's link, issuing bodies and date) — are
 * computed when the client resolves the item (VS Code: when it is focused or accepted), as
 * typescript-language-server and yaml-language-server do. Only the parts the client lists in
 * `completionItem.resolveSupport.properties` are deferred; other clients get complete items.
 *
 * The server remembers the resolvers of its latest few lists; `item.data` names the list and
 * the item. Additional edits are filled only while the document is at the version the list was
 * made for (their ranges belong to that text); documentation is filled whatever the version.
 */
import { MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { CompletionProposal } from '../../core/src/index';

/** What the client resolves lazily (from `completionItem.resolveSupport.properties`). */
export interface LazyCompletionParts {
  documentation: boolean;
  additionalEdits: boolean;
}

/** The parts of `CompletionItem` the client can resolve lazily, per its capabilities. */
export function lazyCompletionParts(properties: readonly string[] | undefined): LazyCompletionParts {
  return { documentation: !!properties?.includes('documentation'), additionalEdits: !!properties?.includes('additionalTextEdits') };
}

/** The data the server puts on a deferred item: list id and item index. */
interface ItemData {
  policyBriefList: number;
  index: number;
}

interface RememberedList {
  id: number;
  uri: string;
  version: number;
  /** Per item: the deferred parts, converted to LSP (undefined: nothing deferred). */
  resolvers: (((into: CompletionItem) => void) | undefined)[];
}

/** How many recent lists keep their resolvers (a client may resolve an item of the previous list). */
const REMEMBERED_LISTS = 4;

/** Remembers the deferred parts of recent completion lists and fills them in on resolve. */
export class CompletionResolver {
  private lists: RememberedList[] = [];
  private nextId = 1;

  /**
   * Marks the items of a new list for resolving (sets `item.data`) and remembers their resolvers.
   * @param proposals the core proposals, in the order of `items`
   * @param convert converts the resolved parts (view offsets) to LSP edits of the document
   */
  remember(uri: string, version: number, items: CompletionItem[], proposals: readonly CompletionProposal[], convert: (parts: ReturnType<NonNullable<CompletionProposal['resolve']>>) => Pick<CompletionItem, 'documentation' | 'additionalTextEdits'>): void {
    if (!proposals.some((p) => p.resolve)) return;
    const id = this.nextId++;
    const resolvers = proposals.map((proposal, index) => {
      const resolve = proposal.resolve;
      if (!resolve) return undefined;
      items[index].data = { policyBriefList: id, index } satisfies ItemData;
      return (into: CompletionItem) => Object.assign(into, convert(resolve()));
    });
    this.lists.unshift({ id, uri, version, resolvers });
    this.lists.length = Math.min(this.lists.length, REMEMBERED_LISTS);
  }

  /**
   * `item` with its deferred parts filled in; unchanged when it is not one of the remembered
   * lists' items. Additional edits only while `versionOf(uri)` is the list's version.
   */
  resolve(item: CompletionItem, versionOf: (uri: string) => number | undefined): CompletionItem {
    const data = item.data as Partial<ItemData> | undefined;
    const list = this.lists.find((l) => l.id === data?.policyBriefList);
    const resolver = list && typeof data?.index === 'number' ? list.resolvers[data.index] : undefined;
    if (!list || !resolver) return item;
    const resolved: CompletionItem = { ...item };
    resolver(resolved);
    if (versionOf(list.uri) !== list.version) resolved.additionalTextEdits = item.additionalTextEdits;
    if (!resolved.additionalTextEdits) delete resolved.additionalTextEdits;
    if (!resolved.documentation) delete resolved.documentation;
    return resolved;
  }
}

/** LSP documentation of Markdown text. */
export function markdownDocumentation(markdown: string | undefined): CompletionItem['documentation'] {
  return markdown ? { kind: MarkupKind.Markdown, value: markdown } : undefined;
}
