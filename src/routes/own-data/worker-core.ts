/** What the page's worker uses from the shared survey core (one import path to keep the bundle's edge visible). */
export { allRows, parseReference, processSurvey, surveyToCsv, type Problem, type SurveyResult } from '../../../scripts/data/survey-core.js';
export { SOURCE as SOURCE_NOTE } from '../../../scripts/data/build-tables.js';
