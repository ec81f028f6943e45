import type { EventBus } from '@espigon/kit/events/pubsub';
import type { RequestContext } from '@espigon/kit/server/request-context';
import type { ReportsChangedSignal } from './modules/live/reports-changed';
import type { ReadModelProjector } from './modules/read-model/read-model.projector';
import type { RankingService } from './modules/rankings/rankings.service';
import type { ReportService } from './modules/report/report.service';

export interface ReportsServices {
  reports: ReportService;
  projector: ReadModelProjector;
  rankings: RankingService;
  /** Publishes the sellers touched by each committed event, for `dashboardUpdated`. */
  signal: ReportsChangedSignal;
}

export interface ReportsContext extends RequestContext {
  services: ReportsServices;
  /** Live pub/sub, for the subscriptions. */
  events: EventBus;
}
