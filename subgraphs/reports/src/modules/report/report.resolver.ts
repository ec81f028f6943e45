import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '@espigon/kit/auth/role';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { ReportsContext } from '../../reports.context';
import { MAX_REPORT_DAYS, type Scope } from './report.service';
import { Dashboard, Granularity, SalesPoint } from './report.types';

/** ADMIN: the whole market; SELLER: its own figures; CLIENT: FORBIDDEN; anonymous: UNAUTHENTICATED. */
function scopeOf(ctx: ReportsContext): Scope {
  const viewer = requireViewer(ctx, [Role.ADMIN, Role.SELLER]);
  return viewer.role === Role.ADMIN ? null : viewer.id;
}

@Resolver()
export class ReportResolver {
  @Query(() => Dashboard, {
    description: "The figures at a glance: an ADMIN's are the whole market's, a SELLER's its own; CLIENT FORBIDDEN",
  })
  dashboard(@Ctx() ctx: ReportsContext): Promise<Dashboard> {
    return ctx.services.reports.dashboard(ctx, scopeOf(ctx));
  }

  @Query(() => [SalesPoint], {
    description:
      'Sales by period in Guayaquil time, every period from the one holding `from` to the one holding the last instant before `to` ' +
      `(empty ones included, whole days). An ADMIN's are the whole market's, a SELLER's its own; CLIENT FORBIDDEN. BAD_USER_INPUT ` +
      `unless \`to\` is after \`from\` and at most ${MAX_REPORT_DAYS} days later`,
  })
  salesReport(
    @Arg('from', () => Date, { description: 'Start (UTC); its Guayaquil day is the first one covered' }) from: Date,
    @Arg('to', () => Date, { description: 'End, exclusive (UTC): after `from`, at most 400 days later' }) to: Date,
    @Arg('granularity', () => Granularity, { description: 'DAY, WEEK (from Monday) or MONTH' }) granularity: Granularity,
    @Ctx() ctx: ReportsContext,
  ): Promise<SalesPoint[]> {
    return ctx.services.reports.salesReport(ctx, scopeOf(ctx), from, to, granularity);
  }
}
