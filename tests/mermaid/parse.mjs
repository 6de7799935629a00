// Checks Mermaid diagrams with Mermaid's own parser: node parse.mjs FILE...
// prints one line per file, "ok FILE" or "error FILE: message", and exits 1
// if any file does not parse. Mermaid expects a browser; jsdom provides the
// window and document its sanitizer needs.
import { readFile } from "node:fs/promises";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = window;
globalThis.document = window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "Node", "SVGElement", "navigator"]) {
  if (!(name in globalThis)) {
    globalThis[name] = window[name];
  }
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, "utf8");
  try {
    const result = await mermaid.parse(text);
    if (!result || result.diagramType !== "flowchart-v2") {
      throw new Error(`parsed as ${result && result.diagramType}, not a flowchart`);
    }
    console.log(`ok ${file}`);
  } catch (err) {
    failed = true;
    const message = String((err && err.message) || err).replace(/\s+/g, " ");
    console.log(`error ${file}: ${message}`);
  }
}
process.exit(failed ? 1 : 0);
