// `--format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts: every rule with its help text
// (rendered from the rule's docs), results with locations, related locations and fixes, and the files
// that could not be analysed as tool execution notifications.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULE_DOCS_BASE_URL, type CheckReport, type Finding, type Severity } from '@yieldlens/shared';
import { RULES } from '../../analysis/index.js';
import { renderRuleMarkdown } from '../rule-docs.js';
import { VERSION } from '../version.js';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const SOURCE_ROOT = '%SRCROOT%';
/** The project's home page: the repository the rule pages live in. */
const INFORMATION_URI = RULE_DOCS_BASE_URL.replace(/\/blob\/.*$/, '');

export interface SarifOptions {
  /** The directory relative paths are relative to (the working directory of the run). */
  cwd: string;
  /** False when the run hit an internal error or a missing path. */
  executionSuccessful: boolean;
}

export function formatSarif(report: CheckReport, options: SarifOptions): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => {
    const markdown = renderRuleMarkdown(rule);
    return {
      id: rule.code,
      name: rule.name,
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.docs.whatItDoes.trim() },
      help: { text: markdown, markdown },
      helpUri: `${RULE_DOCS_BASE_URL}${rule.name}.md`,
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['generators', 'correctness'], precision: 'high' },
    };
  });
  const results: Sarif.Result[] = report.findings.map((finding) => {
    const result: Sarif.Result = {
      ruleId: finding.code,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.file, finding)],
    };
    const index = ruleIndex.get(finding.code);
    if (index !== undefined) result.ruleIndex = index;
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((item, id) => ({
        id,
        message: { text: item.message },
        physicalLocation: {
          artifactLocation: artifact(item.file),
          region: { startLine: item.line, startColumn: item.column },
        },
      }));
    }
    if (finding.fix !== null) {
      result.fixes = [{
        description: { text: finding.fix.title },
        artifactChanges: [{
          artifactLocation: artifact(finding.file),
          replacements: finding.fix.edits.map((edit) => ({
            deletedRegion: { startLine: edit.line, startColumn: edit.column, endLine: edit.endLine, endColumn: edit.endColumn },
            insertedContent: { text: edit.newText },
          })),
        }],
      }];
    }
    return result;
  });
  const notifications: Sarif.Notification[] = report.errors.map((error) => ({
    level: 'error',
    message: { text: error.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(error.file),
        ...(error.line === undefined ? {} : { region: { startLine: error.line, startColumn: error.column ?? 1 } }),
      },
    }],
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'yieldlens',
          informationUri: INFORMATION_URI,
          version: VERSION,
          semanticVersion: VERSION,
          rules,
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
      invocations: [{ executionSuccessful: options.executionSuccessful, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(file: string, finding: Finding): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: artifact(file),
      region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    },
  };
}

/** Relative paths stay relative to the source root (as code scanning wants); absolute ones become file URIs. */
function artifact(file: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(path.sep).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SOURCE_ROOT };
}
