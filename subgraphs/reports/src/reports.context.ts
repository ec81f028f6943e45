import type { RequestContext } from '@espigon/kit/server/request-context';
import type { ReadModelProjector } from './modules/read-model/read-model.projector';
import type { RankingService } from './modules/rankings/rankings.service';
import type { ReportService } from './modules/report/report.service';

export interface ReportsServices {
  reports: ReportService;
  projector: ReadModelProjector;
  rankings: RankingService;
}

export interface ReportsContext extends RequestContext {
  services: ReportsServices;
}
