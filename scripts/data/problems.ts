/**
 * Validation problems. Every problem names file, row (as Excel numbers it, header
 * = 1; 0 for the whole file), column, the offending value as typed and a reason
 * in Japanese and English, because the people fixing a survey file read Japanese
 * and the CI log is read by developers. Echoed values and column names are cut to
 * their start (the full length is kept) so a 300 KB cell never floods the report.
 */
export interface Problem {
  file: string;
  row: number;
  column: string;
  /** The cell as typed, cut to MAX_ECHO characters (see valueLength). */
  value: string;
  /** Length of the full value in characters. */
  valueLength: number;
  code: ProblemCode;
  ja: string;
  en: string;
}

/** How many characters of a value or column name a problem repeats. */
export const MAX_ECHO = 80;
const MAX_COLUMN_ECHO = 40;

const CATALOG = {
  missing_file: ['ファイルがありません', 'file not found'],
  empty_file: ['ファイルが空です', 'file is empty'],
  no_rows: ['データ行がありません', 'no data rows'],
  encoding: ['文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）', 'cannot decode the file: save it as UTF-8 or Shift_JIS'],
  utf16: ['UTF-16（Unicode テキスト）のファイルは読めません。「CSV UTF-8」または「CSV（コンマ区切り）」で保存してください', 'UTF-16 (Unicode text) is not accepted: save as "CSV UTF-8" or "CSV (comma delimited)"'],
  binary_zip: ['Excel ブック（.xlsx）などの ZIP 形式のファイルです。CSV ではありません。Excel で「名前を付けて保存」→「CSV UTF-8 (コンマ区切り)」で保存したファイルを選んでください', 'this is a ZIP file such as an Excel workbook (.xlsx), not a CSV: in Excel, Save As "CSV UTF-8 (Comma delimited)" and pick that file'],
  binary_xls: ['Excel 97-2003 ブック（.xls）です。CSV ではありません。Excel で「名前を付けて保存」→「CSV UTF-8 (コンマ区切り)」で保存したファイルを選んでください', 'this is an Excel 97-2003 workbook (.xls), not a CSV: in Excel, Save As "CSV UTF-8 (Comma delimited)" and pick that file'],
  binary_parquet: ['Parquet ファイルです。CSV ではありません。Parquet は保存したときの名前（case.parquet など）のまま選んでください', 'this is a Parquet file, not a CSV: pick Parquet files under the names they were saved with (case.parquet and so on)'],
  binary_other: ['テキスト（CSV）のファイルではありません。調査票の CSV ファイルを選んでください', 'this is not a text (CSV) file: pick the survey CSV file'],
  mixed_encoding: ['文字コードが混在しています。この行から先を前の行と同じ文字コードとして読めません（ファイル全体を同じ文字コードで保存し直してください）', 'mixed encodings: from this row on the file is not in the encoding of the rows before it (save the whole file in one encoding)'],
  csv_syntax: ['CSVの形式が正しくありません', 'malformed CSV'],
  unterminated_quote: ['引用符（"）で始まるセルが閉じられていません。この行以降は読めません', 'a cell opened with a quote (") is never closed; nothing after this row can be read'],
  stray_quote: ['引用符で囲んだセルの中の " は "" と二重にしてください', 'a quote inside a quoted cell must be doubled ("")'],
  wrong_separator: ['区切り文字がタブです。コンマ区切り（CSV）で保存してください', 'the file is tab-separated: save it comma-separated (CSV)'],
  repeated_header: ['見出し行が繰り返されています（この行を削除してください）', 'the header row is repeated here (delete this row)'],
  control_character: ['制御文字が含まれています（タブ・改行以外は使えません）', 'contains a control character (only tab and line breaks are allowed)'],
  unknown_column: ['テンプレートにない列です', 'unknown column (not in the template)'],
  missing_column: ['必須の列がありません', 'required column is missing'],
  duplicate_column: ['列名が重複しています', 'duplicate column'],
  missing_prefecture_column: ['都道府県コードまたは都道府県名の列が必要です', 'needs a 都道府県コード or 都道府県名 column'],
  column_count: ['列の数がヘッダーと一致しません', 'number of cells differs from the header'],
  required_value: ['値が必要です（×・-・空欄は使えません）', 'a value is required here (×, - or blank not allowed)'],
  bad_case_id: ['事例IDは英数字・ハイフン・下線の1〜32文字にしてください', 'case id must be 1-32 letters, digits, - or _'],
  duplicate_case_id: ['事例IDが重複しています', 'duplicate case id'],
  unknown_division: ['不明な部門です', 'unknown division (部門)'],
  unknown_system: ['この部門にないシステム名です', 'unknown system name for this division'],
  unknown_prefecture: ['不明な都道府県です', 'unknown prefecture'],
  prefecture_mismatch: ['都道府県コードと都道府県名が一致しません', 'prefecture code and name disagree'],
  unknown_value: ['選択肢にない値です', 'value is not one of the allowed answers'],
  unknown_band: ['不明な費用規模です', 'unknown cost band'],
  not_integer: ['整数ではありません', 'not a whole number'],
  out_of_range: ['値が範囲外です', 'value out of range'],
  bad_start: ['導入時期は「2015」または「2015-04」の形式にしてください', 'start must look like 2015 or 2015-04'],
  year_out_of_range: ['導入年が範囲外です（1990〜2024年）', 'start year out of range (1990-2024)'],
  month_out_of_range: ['導入月が範囲外です（1〜12）', 'start month out of range (1-12)'],
  duplicate_item: ['同じ項目が重複しています', 'duplicate item in a multi-valued cell'],
  empty_item: ['空の項目があります', 'empty item in a multi-valued cell'],
  unknown_provenance: ['出典は 公開資料・合成データ・調査票 のいずれかです', 'provenance must be 公開資料, 合成データ or 調査票'],
  unknown_synthetic_field: ['合成項目に不明な列名があります', 'unknown column name in 合成項目'],
  synthetic_fields_not_published: ['合成項目は出典が公開資料の行にだけ書けます', '合成項目 is only allowed on 公開資料 rows'],
  subsidy_names_without_subsidy: ['補助金が「あり」でないのに補助金の名称があります', 'subsidy names given although 補助金の有無 is not あり'],
  participant_count_mismatch: ['参加自治体数と参加団体の行数が一致しません', '参加自治体数 differs from the number of listed participants'],
  participant_count_exceeds: ['参加自治体数が都道府県の自治体数を超えています', '参加自治体数 exceeds the prefecture’s number of municipalities'],
  bad_lg_code: ['団体コードは6桁（または5桁）の数字です', 'municipality code must be 6 (or 5) digits'],
  unknown_municipality: ['不明な団体コードです', 'unknown municipality code'],
  municipality_other_prefecture: ['事例の都道府県に属さない市区町村です', 'municipality belongs to another prefecture than the case'],
  unknown_case: ['cases.csv にない事例IDです', 'case id not found in cases.csv'],
  unknown_case_parquet: ['case.parquet にない事例IDです', 'case id not found in case.parquet'],
  unknown_system_id: ['不明なシステムIDです', 'unknown system id'],
  bad_state: ['回答の状態は answered・withheld・unknown・blank のいずれかです', 'answer state must be answered, withheld, unknown or blank'],
  state_mismatch: ['回答の状態と値が合いません（answered なら値が必要、それ以外なら値は空）', 'answer state and value disagree (answered needs a value, other states none)'],
  not_normalised: ['検証後に書かれる値と違います（`npm run data` またはこのページの書き出しが書くとおりの値にしてください）', 'differs from what the validator writes for this row (use the values `npm run data` or this page’s export writes)'],
  missing_row: ['case.parquet から導かれる行がありません', 'a row derived from case.parquet is missing'],
  reference_differs: ['参照表がこのサイトのものと違います（市区町村・都道府県などの参照表はサイトのものを使います）', 'reference table differs from the site’s'],
  bad_as_of: ['データの時点（as_of）が正しい日付ではありません（1990〜2100年）', 'as_of is not a valid date (1990-2100)'],
  count_mismatch: ['件数が case.parquet と一致しません', 'count disagrees with case.parquet'],
  not_checked: ['cases.csv を読めないため、このファイルの事例IDは照合していません', 'case ids not checked against cases.csv because cases.csv could not be read'],
  duplicate_participation: ['同じ事例・団体の行が重複しています', 'duplicate (case, municipality) row'],
} as const satisfies Record<string, readonly [string, string]>;

export type ProblemCode = keyof typeof CATALOG;

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function problem(code: ProblemCode, file: string, row: number, column: string, value: string, detail = ''): Problem {
  const [ja, en] = CATALOG[code];
  return {
    file,
    row,
    column: cut(column, MAX_COLUMN_ECHO),
    value: cut(value, MAX_ECHO),
    valueLength: value.length,
    code,
    ja: detail ? `${ja}（${detail}）` : ja,
    en: detail ? `${en} (${detail})` : en,
  };
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Control characters (incl. line breaks and ESC) as \uXXXX, so one problem stays one harmless line. */
export function visible(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line for the terminal: `file:row [column] 値/value="…": 日本語 / English`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.row > 0 ? `:${p.row}` : ''}${p.column ? ` [${p.column}]` : ''}`;
  const n = p.valueLength.toLocaleString('en');
  const long = p.valueLength > MAX_ECHO ? `（全${n}文字 / ${n} chars）` : '';
  const value = p.value === '' ? '' : ` 値/value="${visible(p.value)}"${long}`;
  return `${visible(where)}${value}: ${p.ja} / ${p.en}`;
}
