import { renderReport } from "@/lib/reports/render-report";
import type { Report } from "@/lib/reports/build-report";
import type { ReportFormat } from "@/lib/validations/reports";

/** A rendered report as a download (inline for HTML and JSON). */
export function reportResponse(report: Report, format: ReportFormat): Response {
  const r = renderReport(report, format);
  return new Response(r.body, {
    headers: {
      "Content-Type": r.contentType,
      "Content-Disposition": `${format === "csv" ? "attachment" : "inline"}; filename="${r.fileName}"`,
      "Cache-Control": "no-store",
      // The HTML report is static: no scripts may run even if a step name slipped through escaping.
      ...(format === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } : {}),
    },
  });
}
