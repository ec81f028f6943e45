import { TimestampedEntity } from '@espigon/kit/database/base-entity';
import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person with an account: client, seller or administrator' })
@Entity({ tableName: 'user_account' })
@Index({ properties: ['createdAt', 'id'] })
export class User extends TimestampedEntity {
  /** Stored lower-case; unique. */
  @Field(() => String, {
    description:
      "Login email, lower-case. A seller's is public (their business contact); anyone else's is seen only by its owner and ADMIN (FORBIDDEN otherwise)",
  })
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 255, hidden: true, lazy: false })
  passwordHash!: string;

  /** At most 120 characters (NAME_MAX), NFC-normalised, without invisible characters. */
  @Field(() => String, { description: 'Display name: 1 to 120 characters on one line (a stall owner, a household, a restaurant)' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => Role, { description: "A seller's is public; anyone else's is seen only by its owner and ADMIN (FORBIDDEN otherwise)" })
  @Enum({ items: () => Role })
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description:
      "Contact phone, at most 30 characters; null when not given. Seen as the email is: a seller's by anyone, others' by their owner and ADMIN",
  })
  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  stallName: string | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  pierSection: string | null = null;
}
