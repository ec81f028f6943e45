import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "A seller's stall at the pier" })
export class SellerProfile {
  @Field()
  stallName!: string;

  @Field(() => String, { nullable: true })
  pierSection!: string | null;
}
