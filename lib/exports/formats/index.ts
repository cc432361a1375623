import type { ExportFormat } from "@/lib/exports/export.schemas";
import type { ExportFormatter } from "@/lib/exports/export-record";
import { claimReviewFormatter } from "@/lib/exports/formats/claimreview";
import { csvFormatter } from "@/lib/exports/formats/csv";
import { jsonlFormatter } from "@/lib/exports/formats/jsonl";
import { webAnnotationFormatter } from "@/lib/exports/formats/web-annotation";

export const EXPORT_FORMATTERS: Record<ExportFormat, ExportFormatter> = {
  jsonl: jsonlFormatter,
  csv: csvFormatter,
  claimreview: claimReviewFormatter,
  webannotation: webAnnotationFormatter,
};
