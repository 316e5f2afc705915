/** The last chain reports of a session, by reportId, so "Save fixed chain" writes what the user saw. */
import type { ChainReportDto } from '../api/dto';
import { PkiError } from '../pki/errors';

export class ChainReports {
  private readonly reports = new Map<string, ChainReportDto>();
  private next = 1;

  constructor(private readonly keep = 20) {}

  /** Gives the report its id and keeps it, forgetting the oldest beyond `keep`. */
  add(report: Omit<ChainReportDto, 'reportId'>): ChainReportDto {
    const kept: ChainReportDto = { reportId: `chain${this.next++}`, ...report };
    this.reports.set(kept.reportId, kept);
    while (this.reports.size > this.keep) this.reports.delete(this.reports.keys().next().value!);
    return kept;
  }

  get(reportId: string): ChainReportDto {
    const report = this.reports.get(reportId);
    if (!report) throw new PkiError('NOT_FOUND', 'That chain report is no longer kept.', 'Check the chain again, then save the fixed chain.');
    return report;
  }
}
