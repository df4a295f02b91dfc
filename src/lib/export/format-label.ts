import { ENCODING_LABEL } from './csv-encoding';
import type { ExportFormat } from './export-table';

/**
 * What a person calls each file format, in every place that offers one (the download
 * dialog, the console's 「結果を保存」): one name per format. 「CSV UTF-8」 is Excel's own
 * name for the format (「名前を付けて保存」).
 */
export const FORMAT_LABEL: Record<ExportFormat, string> = {
  parquet: 'Parquet',
  'utf8-bom': `CSV ${ENCODING_LABEL['utf8-bom']}`,
  shift_jis: `CSV ${ENCODING_LABEL.shift_jis}`
};

/** The formats offered, in the order every place offers them. */
export const EXPORT_FORMATS = Object.keys(FORMAT_LABEL) as ExportFormat[];
