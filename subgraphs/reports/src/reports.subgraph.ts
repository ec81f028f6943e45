// The reports subgraph: the market's numbers (dashboard, sales by period) from a read model of its own, fed only by the
// other services' durable events (orders, payments, catalog) through its own consumer group; no table of record.
import type { SubgraphDefinition } from '@espigon/kit/server/start-subgraph';
import { reportsConfigSchema, type ReportsConfig } from './config';
import { Migration20261201000000_reports } from './migrations/Migration20261201000000_reports';
import { Migration20261202000000_rankings } from './migrations/Migration20261202000000_rankings';
import { Migration20261203000000_totals } from './migrations/Migration20261203000000_totals';
import { ReportsChangedSignal, signallingConsumer } from './modules/live/reports-changed';
import { readModelConsumer } from './modules/read-model/read-model.consumer';
import { OrderFact, ProductState, SellerDay, SellerTotal, StatusCount } from './modules/read-model/read-model.entity';
import { ReadModelProjector } from './modules/read-model/read-model.projector';
import { RankingService } from './modules/rankings/rankings.service';
import { OrderLine, ProductDay } from './modules/rankings/rankings.entity';
import { ReportService } from './modules/report/report.service';
import type { ReportsContext, ReportsServices } from './reports.context';
import { buildReportsSchema } from './schema';

export const reportsSubgraph: SubgraphDefinition<ReportsConfig, ReportsContext, ReportsServices> = {
  name: 'reports',
  configSchema: reportsConfigSchema,
  entities: [OrderFact, SellerDay, ProductState, OrderLine, ProductDay, StatusCount, SellerTotal],
  migrations: [Migration20261201000000_reports, Migration20261202000000_rankings, Migration20261203000000_totals],
  buildSchema: buildReportsSchema,
  createServices: ({ orm, events, logger }) => {
    const signal = new ReportsChangedSignal(events, logger.child({ component: 'live' }));
    orm.em.getEventManager().registerSubscriber(signal);
    return { reports: new ReportService(), projector: new ReadModelProjector(), rankings: new RankingService(), signal };
  },
  consumers: ({ projector, signal }, { logger }) => [
    signallingConsumer(readModelConsumer(projector, logger.child({ component: 'read-model' })), signal),
  ],
  extendContext: (base, services, { events }) => ({ ...base, services, events }),
};
