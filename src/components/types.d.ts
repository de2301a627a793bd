// Types from the libraries the components use, for their JSDoc annotations. The components import
// them from here (`import("./types.js")`), never by the library's bare name: the built-site scan
// (tests/site/scan.ts) reads a bare specifier even inside a comment as an unresolved import, and
// Framework leaves comments as they are. Types only: nothing here reaches the site.
export type {ScaleOptions} from "@observablehq/plot";
export type {Graph} from "@dagrejs/dagre";
export type {SheetData, Row as SheetRow} from "write-excel-file/browser";
