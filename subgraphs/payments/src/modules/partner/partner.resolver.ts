import { Role } from '@espigon/kit/auth/role';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION } from '@espigon/kit/graphql/connection';
import { requireViewer } from '@espigon/kit/server/request-context';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { PaymentsContext } from '../../payments.context';
import { PartnerDeliveryConnection } from './partner-delivery-connection.type';
import { Partner } from './partner.entity';

@ObjectType({ description: "A new partner and its signing secret: the secret is shown this once (store it in the partner's system)" })
export class PartnerWithSecret {
  @Field(() => Partner, { description: 'The partner, as partners lists it' })
  partner!: Partner;

  @Field(() => String, { description: "whsec_… (Standard Webhooks): verifies our webhooks, signs the partner's own" })
  signingSecret!: string;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @Mutation(() => PartnerWithSecret, {
    description:
      'ADMIN: a partner that gets the events it names (order.created, order.status_changed, payment.succeeded, payment.refunded) as ' +
      'Standard Webhooks at webhookUrl (https, a public address)',
  })
  async registerPartner(
    @Arg('name', () => String, { description: 'Who it is: 1 to 100 characters' }) name: string,
    @Arg('webhookUrl', () => String, {
      description: 'https, without credentials, at most 2048 characters, resolving only to public addresses (BAD_USER_INPUT otherwise)',
    })
    webhookUrl: string,
    @Arg('events', () => [String], { description: 'One or more of order.created, order.status_changed, payment.succeeded, payment.refunded' })
    events: string[],
    @Ctx() ctx: PaymentsContext,
  ): Promise<PartnerWithSecret> {
    requireViewer(ctx, [Role.ADMIN]);
    return Object.assign(new PartnerWithSecret(), await ctx.services.partners.register(ctx, { name, webhookUrl, events }));
  }

  @Query(() => [Partner], { description: 'ADMIN: the partners, newest first (the latest 200)' })
  partners(@Ctx() ctx: PaymentsContext): Promise<Partner[]> {
    return (requireViewer(ctx, [Role.ADMIN]), ctx.services.partners.list(ctx));
  }

  @Query(() => PartnerDeliveryConnection, { description: "ADMIN: a partner's webhook deliveries (attempts, last answer, next try), newest first" })
  partnerDeliveries(
    @Arg('partnerId', () => ID, { description: "The partner's id (NOT_FOUND when there is none)" }) partnerId: string,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PartnerDeliveryConnection> {
    return (requireViewer(ctx, [Role.ADMIN]), ctx.services.partners.deliveries(ctx, partnerId, first, after));
  }
}
