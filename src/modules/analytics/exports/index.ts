/** Report exporters: XLSX, PDF, Markdown and CSV. */
export { toXlsx } from './xlsx.js';
export { toPdf, CJK_FONT } from './pdf.js';
export { toMarkdown, toCsv, tableToCsv, tableToMarkdown } from './text.js';
