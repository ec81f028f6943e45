import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "A seller's stall at the pier" })
export class SellerProfile {
  @Field({ description: "The stall's name at the pier, 1 to 100 characters, e.g. Mariscos Doña Rosa" })
  stallName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the stall is (dock, number), up to 50 characters, e.g. Muelle A, puesto 4; null when not given',
  })
  pierSection!: string | null;
}
