// Checks Mermaid diagrams with Mermaid's own parser: node parse.mjs
// [--type=TYPE] FILE... prints one line per file, "ok FILE" or "error FILE:
// message", and exits 1 if any file does not parse or is not of the type
// expected (a flowchart, "flowchart-v2", unless --type says otherwise:
// exlint plan's charts are "gantt"). A Gantt chart's tasks are also compiled as
// Mermaid compiles them to draw the chart, which reads their dates: a start it
// cannot read as the chart's dateFormat fails, and so does an end, which
// Mermaid would otherwise take silently for the task's start (exlint's bars
// end on a date; its milestones last 0d). Mermaid expects a browser; jsdom
// provides the window and document its sanitizer needs.
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
let want = "flowchart-v2";
let files = process.argv.slice(2);
if (files.length > 0 && files[0].startsWith("--type=")) {
  want = files[0].slice("--type=".length);
  files = files.slice(1);
}
for (const file of files) {
  const text = await readFile(file, "utf8");
  try {
    const result = await mermaid.parse(text);
    if (!result || result.diagramType !== want) {
      throw new Error(`parsed as ${result && result.diagramType}, not ${want}`);
    }
    if (want === "gantt") {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      for (const task of diagram.db.getTasks()) {
        if (!task.milestone && !task.manualEndTime) {
          throw new Error(`task ${task.id} ends on ${JSON.stringify(task.raw.endTime.data)}, which is not a date Mermaid reads`);
        }
      }
    }
    console.log(`ok ${file}`);
  } catch (err) {
    failed = true;
    const message = String((err && err.message) || err).replace(/\s+/g, " ");
    console.log(`error ${file}: ${message}`);
  }
}
process.exit(failed ? 1 : 0);
