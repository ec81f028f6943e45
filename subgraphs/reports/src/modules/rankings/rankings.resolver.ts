import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Role } from '@espigon/kit/auth/role';
import { requireViewer } from '@espigon/kit/server/request-context';
import type { ReportsContext } from '../../reports.context';
import { MAX_REPORT_DAYS, type Scope } from '../report/report.service';
import { Product } from './federation.stubs';
import { DEFAULT_LIMIT, MAX_LIMIT } from './rankings.service';
import { CategorySales, CustomerSegment, ProductRank, SellerRank } from './rankings.types';

/** ADMIN: the whole market; SELLER: its own figures; CLIENT: FORBIDDEN; anonymous: UNAUTHENTICATED. */
function scopeOf(ctx: ReportsContext): Scope {
  const viewer = requireViewer(ctx, [Role.ADMIN, Role.SELLER]);
  return viewer.role === Role.ADMIN ? null : viewer.id;
}

const RANGE =
  'Whole Guayaquil days, from the day of `from` to the day of the last instant before `to`; without `from` from the first sale, ' +
  `without \`to\` up to the last. BAD_USER_INPUT unless \`to\` is after \`from\` and at most ${MAX_REPORT_DAYS} days later (when both are given)`;
const LIMIT = `How many, from 1 to ${MAX_LIMIT} (${DEFAULT_LIMIT} when not given; BAD_USER_INPUT otherwise)`;
const FROM = 'Start (UTC); its Guayaquil day is the first one covered. Optional';
const TO = 'End, exclusive (UTC). Optional';

@Resolver()
export class RankingResolver {
  @Query(() => [SellerRank], {
    description: `ADMIN only (SELLER and CLIENT FORBIDDEN): the sellers with the most net revenue, then the most sales. ${RANGE}`,
  })
  topSellers(
    @Arg('from', () => Date, { nullable: true, description: FROM }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: TO }) to: Date | null,
    @Arg('limit', () => Int, { nullable: true, description: LIMIT }) limit: number | null,
    @Ctx() ctx: ReportsContext,
  ): Promise<SellerRank[]> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.rankings.topSellers(ctx, from, to, limit);
  }

  @Query(() => [ProductRank], {
    description:
      "The products with the most net revenue, then the most units sold (deleted products left out): an ADMIN's of the whole " +
      `market, a SELLER's its own; CLIENT FORBIDDEN. ${RANGE}`,
  })
  topProducts(
    @Arg('from', () => Date, { nullable: true, description: FROM }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: TO }) to: Date | null,
    @Arg('limit', () => Int, { nullable: true, description: LIMIT }) limit: number | null,
    @Ctx() ctx: ReportsContext,
  ): Promise<ProductRank[]> {
    return ctx.services.rankings.topProducts(ctx, scopeOf(ctx), from, to, limit);
  }

  @Query(() => [CategorySales], {
    description:
      "Sales by category (the category catalog last gave each product), the most net revenue first: an ADMIN's of the whole market, " +
      `a SELLER's its own products'; CLIENT FORBIDDEN. ${RANGE}`,
  })
  salesByCategory(
    @Arg('from', () => Date, { nullable: true, description: FROM }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: TO }) to: Date | null,
    @Ctx() ctx: ReportsContext,
  ): Promise<CategorySales[]> {
    return ctx.services.rankings.salesByCategory(ctx, scopeOf(ctx), from, to);
  }

  @Query(() => [CustomerSegment], {
    description:
      "ADMIN only (SELLER and CLIENT FORBIDDEN): the market's buyers in RFM segments, NEW, RECURRING, VIP, AT_RISK and LOST in that " +
      'order (thresholds on CustomerSegment)',
  })
  customerSegments(@Ctx() ctx: ReportsContext): Promise<CustomerSegment[]> {
    requireViewer(ctx, [Role.ADMIN]);
    return ctx.services.rankings.customerSegments(ctx);
  }

  @Query(() => [Product], {
    description:
      'Listed products whose available stock is at or below their low-stock threshold (sold out included), as catalog last told, the ' +
      "fewest available first: an ADMIN's of the whole market, a SELLER's its own; CLIENT FORBIDDEN",
  })
  lowStockProducts(@Ctx() ctx: ReportsContext): Promise<Product[]> {
    return ctx.services.rankings.lowStockProducts(ctx, scopeOf(ctx));
  }
}
