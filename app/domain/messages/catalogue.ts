/**
 * Every area of the catalogue in one object. An area is a file under areas/ grouping the words of one part of the
 * product; its entries are `{ vi, en }` templates (see template.ts). Add an area here and the completeness test
 * (tests/unit/messages.test.ts) checks it.
 */
import { citizen, code } from "./areas/citizen";
import { cli } from "./areas/cli";
import { cliOutput } from "./areas/cli-output";
import { cliHelp } from "./areas/cli-help";
import { columns } from "./areas/columns";
import { data, definitions } from "./areas/data";
import { explain } from "./areas/explain";
import { comparability, compareNotes, indexNotes } from "./areas/index-notes";
import { fieldwork } from "./areas/fieldwork";
import { files } from "./areas/files";
import { frame } from "./areas/frame";
import { frameFiles } from "./areas/frame-files";
import { paperEntry } from "./areas/paper-entry";
import { definitionText } from "./areas/definition-text";
import { definitionDiff, definitionPlaces, definitionProblems, ruleSyntax, studio, workbook } from "./areas/questionnaires";
import { plan } from "./areas/plan";
import { print } from "./areas/print";
import { results } from "./areas/results";
import { rounds, units } from "./areas/rounds";
import { framePeriod, roundSetup } from "./areas/round-setup";
import { sampling } from "./areas/sampling";
import { studioPages } from "./areas/studio-pages";
import { accounts, audit, staff } from "./areas/staff";
import { terms } from "./areas/terms";
import { samplePage, samplePageLevels } from "./areas/sample-page";
import { staffPages } from "./areas/staff-pages";
import { invitationsPage } from "./areas/invitations-page";
import { fieldworkPage } from "./areas/fieldwork-page";
import { frameImportPage } from "./areas/frame-import-page";
import { dataPage, dataPageLevels } from "./areas/data-page";
import { paperQuestionWords, paperFormWords } from "./areas/paper-entry-words";
import { csvDownloadWords, roundNav, uploadFormWords } from "./areas/staff-components";
import { prioritiesChart, rankingSignificance, rankingChart, componentsChart, changeChart, chartFrame } from "./areas/charts";
import { roundPages } from "./areas/round-pages";
import { entryPage, reviewPage } from "./areas/entry-page";
import { comparePage } from "./areas/compare-page";
import { groupingWords, resultsStatement } from "./areas/results-statement";
import { chartTexts } from "./areas/chart-texts";
import { resultsErrors } from "./areas/results-errors";
import { answerChecks } from "./areas/answer-checks";
import { auditActions } from "./areas/audit-actions";
import { fieldworkColumns, outcomeLabels } from "./areas/fieldwork-columns";
import { frameFields, frameProblemKinds, frameRowProblems } from "./areas/frame-rows";
import { formRequests, paperKeying, staffRequests, uploadRequests } from "./areas/requests";
import { resultsScope } from "./areas/results-scope";
import { builtinStrata, designForm } from "./areas/sample-design";
import { studioDefaults } from "./areas/studio-defaults";
import { pageTitles } from "./areas/page-titles";
import type { Entry } from "./template";

export const catalogue = {
  pageTitles,
  citizen,
  code,
  cli,
  cliOutput,
  cliHelp,
  columns,
  data,
  definitions,
  explain,
  definitionProblems,
  definitionPlaces,
  definitionDiff,
  definitionText,
  workbook,
  ruleSyntax,
  studio,
  studioPages,
  fieldwork,
  files,
  frame,
  frameFiles,
  paperEntry,
  plan,
  print,
  results,
  rounds,
  roundSetup,
  framePeriod,
  units,
  sampling,
  staff,
  accounts,
  audit,
  terms,
  samplePage,
  samplePageLevels,
  staffPages,
  invitationsPage,
  fieldworkPage,
  frameImportPage,
  dataPage,
  dataPageLevels,
  paperQuestionWords,
  paperFormWords,
  csvDownloadWords,
  uploadFormWords,
  prioritiesChart,
  rankingSignificance,
  rankingChart,
  componentsChart,
  changeChart,
  chartFrame,
  roundPages,
  roundNav,
  entryPage,
  reviewPage,
  comparePage,
  resultsStatement,
  groupingWords,
  chartTexts,
  resultsErrors,
  answerChecks,
  auditActions,
  fieldworkColumns,
  outcomeLabels,
  frameFields,
  frameRowProblems,
  frameProblemKinds,
  formRequests,
  uploadRequests,
  staffRequests,
  paperKeying,
  resultsScope,
  builtinStrata,
  designForm,
  studioDefaults,
  indexNotes,
  compareNotes,
  comparability,
} as const satisfies Record<string, Record<string, Entry>>;

export type Catalogue = typeof catalogue;
