/**
 * `npm run data`: validate the survey (bundled data/survey, or a real survey with
 * `--input <dir>`) and write static/data/*.parquet. Nothing is written unless the
 * whole survey is valid; output is staged and swapped in atomically.
 *
 *   npx tsx scripts/build-data.ts [--input <dir> [--write-back]] [--out <dir>] [--reference <dir>] [--survey <dir>]
 *   npx tsx scripts/build-data.ts --scale <N> [--seed <s>] [--out <dir>]   (synthetic N-case dataset, default out data-scale/<N>)
 */
import { parseArgs } from 'node:util';
import { buildTables } from './data/build-tables.js';
import { loadSurvey } from './data/load-survey.js';
import { formatProblem } from './data/problems.js';
import { loadReference } from './data/load-reference.js';
import { discardStaging, makeStagingDir, swapInto } from './data/swap-dir.js';
import { writeParquet } from './data/write-parquet.js';
import { writeSurveyTemplate } from './data/export-template.js';
import { DEFAULT_SCALE_SEED, writeScaledParquet } from './data/scale-dataset.js';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    scale: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SCALE_SEED) },
    reference: { type: 'string', default: 'data/reference' },
    'write-back': { type: 'boolean', default: false },
    // Where the bundled survey lives (and --write-back writes); tests point it elsewhere.
    survey: { type: 'string', default: 'data/survey' },
  },
});

const BUNDLED = values.survey;
const scale = values.scale === undefined ? undefined : Number(values.scale.replace(/[_,]/g, ''));
const OUT = values.out ?? (scale === undefined ? 'static/data' : `data-scale/${scale}`);

async function main(): Promise<number> {
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 1)) {
    console.error(`--scale には1以上の整数を指定してください / --scale needs a whole number ≥ 1 (got ${values.scale})`);
    return 1;
  }
  if (scale !== undefined && values.input) {
    console.error('--scale と --input は同時に使えません / --scale and --input cannot be combined');
    return 1;
  }
  const ref = loadReference(values.reference);
  const inputDir = values.input ?? BUNDLED;
  const builtFrom = values.input ? 'import' : 'bundled';
  const result = loadSurvey(inputDir, ref, 'survey');
  if (!result.ok) {
    const lines = [
      `データの検証に失敗しました（${result.problems.length}件）/ validation failed (${result.problems.length} problems) in ${inputDir}:`,
      ...result.problems.map((p) => `  ${formatProblem(p)}`),
      `出力は変更していません / ${OUT} left unchanged.`,
    ];
    process.stderr.write(`${lines.join('\n')}\n`);
    return 1;
  }
  const { survey } = result;
  const tables = buildTables(ref, survey, builtFrom);
  const staging = makeStagingDir(OUT);
  if (scale !== undefined) {
    try {
      const started = Date.now();
      const counts = await writeScaledParquet(tables, scale, Number(values.seed), staging);
      if (counts['case'] !== scale) throw new Error(`case.parquet has ${counts['case']} rows, asked for ${scale}`);
      swapInto(staging, OUT);
      console.log(`wrote ${OUT}: ${Object.entries(counts).map(([k, n]) => `${k}=${n}`).join(' ')} (synthetic, seed ${values.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      discardStaging(staging);
      throw e;
    }
    return 0;
  }
  try {
    const counts = await writeParquet(tables, staging);
    // Counts in = counts out: every input row must be in the written files.
    const expected: Record<string, number> = Object.fromEntries(Object.entries(tables).map(([k, set]) => [k, set.count]));
    const wrong = Object.keys(expected).filter((k) => counts[k] !== expected[k]);
    if (survey.cases.length !== counts['case'] || survey.participation.length !== counts['participation']) wrong.push('case/participation');
    if (wrong.length > 0) throw new Error(`row counts differ after writing: ${wrong.join(', ')}`);
    swapInto(staging, OUT);
    console.log(
      `wrote ${OUT}: ${Object.entries(counts)
        .map(([k, n]) => `${k}=${n}`)
        .join(' ')} (from ${builtFrom === 'import' ? inputDir : BUNDLED})`,
    );
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
  if (values['write-back'] && builtFrom === 'import') {
    writeSurveyTemplate(survey, ref, BUNDLED);
    console.log(`wrote the imported survey to ${BUNDLED}/ in template form (review with git diff)`);
  }
  return 0;
}

// Set the exit code and let Node exit on its own: process.exit() right after
// writing would cut a long problem list short when stderr is a pipe (CI logs, | tee).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exitCode = 2;
  },
);
