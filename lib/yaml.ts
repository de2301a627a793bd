// Turning a parsed YAML document into data, safely (browser-safe: no node: imports). A document
// whose aliases expand without bound ("billion laughs": each alias repeating the previous one nine
// times) is refused with a message, not a stack trace, before it can exhaust memory.
import {isAlias, visit, type Document, type LineCounter} from "yaml";

/** At most this many alias expansions per document (the `yaml` package's own default, stated here). */
export const MAX_ALIAS_COUNT = 100;

export class YamlAliasError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly unresolved?: string
  ) {
    super(
      unresolved
        ? `${file}:${line ?? "?"}: the YAML alias *${unresolved} refers to no anchor &${unresolved} before it`
        : `${file}:${line ?? "?"}: refused: the YAML aliases (*name) expand to too much data (more than ${MAX_ALIAS_COUNT} expansions; an alias bomb?); write the values out instead`
    );
    this.name = "YamlAliasError";
  }
}

/** `doc.toJS()` with the alias limit; a YamlAliasError naming the line of the first alias when it is exceeded. */
export function yamlData(doc: Document, file: string, lineCounter?: LineCounter): unknown {
  try {
    return doc.toJS({maxAliasCount: MAX_ALIAS_COUNT});
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    const unresolved = /Unresolved alias.*?: ?\*?([^\s"]+)/i.exec(error.message)?.[1]?.replace(/^\*/, "");
    let line: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (unresolved !== undefined && isAlias(node) && node.source !== unresolved) return undefined;
        if (isAlias(node) && node.range && lineCounter) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      }
    });
    throw new YamlAliasError(file, line, unresolved);
  }
}
