/**
 * Regenerate data/survey/*.csv (the bundled survey in import-template form) and
 * the empty template from the published facts with a fixed seed. Deterministic:
 * running it twice gives byte-identical files.
 *
 *   npx tsx scripts/generate-dataset.ts
 */
import { loadReference } from './data/load-reference.js';
import { writeEmptyTemplate, writeSurveyTemplate } from './data/export-template.js';
import { generateSurvey } from './data/generator/generate.js';

const ref = loadReference('data/reference');
const survey = generateSurvey(ref);
writeSurveyTemplate(survey, ref, 'data/survey');
writeEmptyTemplate('data/survey/template');
const published = survey.cases.filter((c) => c.provenance === 'published').length;
console.log(
  `wrote data/survey: ${survey.cases.length} cases (${published} published, ${survey.cases.length - published} synthetic), ${survey.participation.length} participation rows`,
);
