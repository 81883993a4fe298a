/**
 * `completionItem/resolve`: the Markdown documentation of a completion item is left out of the
 * list and computed when the client resolves the item (VS Code: when it is focused), as
 * typescript-language-server and yaml-language-server do. Only clients that list `documentation`
 * in `completionItem.resolveSupport.properties` get it deferred; others get complete items.
 *
 * Additional edits (a policy title's link, issuing bodies and date) are never deferred, even when
 * the client offers to resolve them: VS Code applies resolved additional edits only if the
 * resolve answered before the item was accepted, and drops any that start after the inserted
 * text (every citation fill does) — accepting quickly would lose them.
 *
 * The server remembers the resolvers of its latest few lists; `item.data` names the server
 * process (a random id: lists of an earlier process never match), the list and the item, and
 * the item's label is checked too.
 */
import { randomUUID } from 'node:crypto';
import { MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { CompletionProposal } from '../../core/src/index';

/** What the client resolves lazily (from `completionItem.resolveSupport.properties`). */
export interface LazyCompletionParts {
  documentation: boolean;
}

/** The parts of `CompletionItem` the server defers, per the client's capabilities (additional edits never: see above). */
export function lazyCompletionParts(properties: readonly string[] | undefined): LazyCompletionParts {
  return { documentation: !!properties?.includes('documentation') };
}

/** The data the server puts on a deferred item: server process, list id and item index. */
interface ItemData {
  policyBriefServer: string;
  policyBriefList: number;
  index: number;
}

interface Resolver {
  /** The item's label when the list was made (an item of another list with the same ids does not match). */
  label: string;
  resolve: (into: CompletionItem) => void;
}

interface RememberedList {
  id: number;
  /** Per item: the deferred parts, converted to LSP (undefined: nothing deferred). */
  resolvers: (Resolver | undefined)[];
}

/** How many recent lists keep their resolvers (a client may resolve an item of the previous list). */
const REMEMBERED_LISTS = 4;

/** Remembers the deferred parts of recent completion lists and fills them in on resolve. */
export class CompletionResolver {
  private lists: RememberedList[] = [];
  private nextId = 1;
  /** Names this server process in `item.data`. */
  private readonly server = randomUUID();

  /**
   * Marks the items of a new list for resolving (sets `item.data`) and remembers their resolvers.
   * @param proposals the core proposals, in the order of `items`
   * @param convert converts the resolved parts to LSP
   */
  remember(items: CompletionItem[], proposals: readonly CompletionProposal[], convert: (parts: ReturnType<NonNullable<CompletionProposal['resolve']>>) => Pick<CompletionItem, 'documentation'>): void {
    if (!proposals.some((p) => p.resolve)) return;
    const id = this.nextId++;
    const resolvers = proposals.map((proposal, index): Resolver | undefined => {
      const resolve = proposal.resolve;
      if (!resolve) return undefined;
      items[index].data = { policyBriefServer: this.server, policyBriefList: id, index } satisfies ItemData;
      return { label: items[index].label, resolve: (into) => Object.assign(into, convert(resolve())) };
    });
    this.lists.unshift({ id, resolvers });
    this.lists.length = Math.min(this.lists.length, REMEMBERED_LISTS);
  }

  /**
   * `item` with its deferred parts filled in; unchanged when it is not one of the remembered
   * lists' items (another server process, a forgotten list, another label).
   */
  resolve(item: CompletionItem): CompletionItem {
    const data = item.data as Partial<ItemData> | undefined;
    if (data?.policyBriefServer !== this.server) return item;
    const list = this.lists.find((l) => l.id === data.policyBriefList);
    const resolver = list && typeof data.index === 'number' ? list.resolvers[data.index] : undefined;
    if (!resolver || resolver.label !== item.label) return item;
    const resolved: CompletionItem = { ...item };
    resolver.resolve(resolved);
    if (!resolved.documentation) delete resolved.documentation;
    return resolved;
  }
}

/** LSP documentation of Markdown text. */
export function markdownDocumentation(markdown: string | undefined): CompletionItem['documentation'] {
  return markdown ? { kind: MarkupKind.Markdown, value: markdown } : undefined;
}
