// `dashboardUpdated`: the dashboard pushed when the read model changes, at most once a second per subscriber (ADMIN:
// the whole market's; SELLER: its own, pushed only when its own figures moved; CLIENT: FORBIDDEN). Served over
// graphql-ws to the gateway like the other subgraphs' subscriptions.
import { Role } from '@espigon/kit/auth/role';
import { requireViewer } from '@espigon/kit/server/request-context';
import { Resolver, Root, Subscription } from 'type-graphql';
import type { ReportsContext } from '../../reports.context';
import { Dashboard } from '../report/report.types';
import { dashboardStream } from './dashboard-stream';

@Resolver()
export class DashboardSubscriptionResolver {
  @Subscription(() => Dashboard, {
    description:
      "The dashboard again each time the read model's figures change, at most once a second (the last change always sent): an ADMIN's " +
      "the whole market's, a SELLER's its own (pushed only when its own figures moved); CLIENT FORBIDDEN. Nothing is sent at subscription: query `dashboard` for the figures now",
    subscribe: ({ context }: { context: ReportsContext }) => {
      const viewer = requireViewer(context, [Role.SELLER, Role.ADMIN]);
      const scope = viewer.role === Role.ADMIN ? null : viewer.id;
      return dashboardStream<Dashboard>({
        bus: context.events,
        sellerId: scope,
        // each time afresh: the subscription's context outlives many pushes
        compute: () => context.services.reports.dashboard({ ...context, em: context.em.fork() }, scope),
        onError: (err) => context.logger.warn({ cause: (err as Error).message }, 'dashboardUpdated: recomputation failed; retrying'),
      });
    },
  })
  dashboardUpdated(@Root() dashboard: Dashboard): Dashboard {
    return dashboard;
  }
}
