import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileDocument } from './fileDocument';
import type { AnalysisOptions, Finding, RecognitionHints, TaskDefinitionService } from '../service';

/** A file's text and how it is analysed: what lintFiles checked, and what --fix checks again after each pass. */
export interface LintSource {
  /** The document's URI: its file name picks the format. */
  uri: string;
  /** The text analysed, a byte order mark included. */
  text: string;
  /** How the file's name and the settings say to read it. */
  hints: RecognitionHints;
  /** The options of this file, its deployment included. */
  options: AnalysisOptions;
}

/** The source's text as a document (the service caches one model per URI and version). */
export function documentOf(source: LintSource, version = 1): TextDocument {
  return fileDocument(source.uri, source.text, version);
}

/** The findings the CLI reports for a source. */
export function analyzeSource(service: TaskDefinitionService, source: LintSource, version = 1): Finding[] {
  // A finding tagged unnecessary is an editor's faded text; the CLI has the finding that sums them up.
  return service.analyze(documentOf(source, version), source.hints, source.options).filter((f) => !f.tags?.includes('unnecessary'));
}
